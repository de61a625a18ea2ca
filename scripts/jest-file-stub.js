// Static assets imported by UI code resolve to their file name under jest (no bundler there).
module.exports = "test-file-stub";
