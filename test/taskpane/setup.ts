import { configure } from "@testing-library/react";

// jsdom lacks a few browser APIs Fluent UI's positioning and tabster touch; minimal stand-ins suffice.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as Record<string, unknown>;
if (!g.ResizeObserver) g.ResizeObserver = ResizeObserverStub;
if (typeof window !== "undefined" && !window.matchMedia) {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}

// The machine running these tests is shared: give role queries and waitFor more time than the 1 s default.
configure({ asyncUtilTimeout: 20_000 });
// …and each test more than jest's 5 s: a whole pane rendering in jsdom can take that long under load, and a test
// that waits up to 20 s must not be cut off at 5 s (files that need longer still call jest.setTimeout).
jest.setTimeout(60_000);
