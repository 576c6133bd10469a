/** End-to-end: the preview served by webpack, driven in headless Chromium. */
module.exports = {
  testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
  testEnvironment: "node",
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest"],
  },
  testTimeout: 240000,
};
