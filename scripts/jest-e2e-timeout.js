// Browser tests start Chromium and build pages: give each test up to 3 minutes (jest 29 has no per-project testTimeout).
jest.setTimeout(180000);
