/** Unit, formula, adapter, host and UI (jsdom) tests. The e2e suite has its own config. */
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testPathIgnorePatterns: ["<rootDir>/test/e2e/"],
  testEnvironment: "node",
  setupFiles: ["<rootDir>/test/setup.ts"],
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { transform: { react: { runtime: "automatic" } } } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
  testTimeout: 30000,
};
