// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

/** Layers and what each may import (architecture section 2); test/architecture.test.ts holds the same map. */
const forbidden = {
  "src/domain/**": ["**/workbook/**", "**/excel/**", "**/app/**", "**/taskpane/**", "**/export/**", "**/host/**", "**/cli/**", "react", "react-dom", "@fluentui/*"],
  "src/workbook/**": ["**/excel/**", "**/app/**", "**/taskpane/**", "**/export/**", "**/host/**", "**/cli/**", "react", "@fluentui/*"],
  "src/excel/**": ["**/app/**", "**/taskpane/**", "**/export/**", "**/host/**", "**/cli/**", "react", "@fluentui/*"],
  "src/export/**": ["**/excel/**", "**/app/**", "**/taskpane/**", "**/host/**", "**/cli/**", "react", "@fluentui/*"],
  "src/app/**": ["**/taskpane/**", "**/host/**", "**/cli/**", "react", "@fluentui/*", "hyperformula"],
  "src/taskpane/**": ["**/excel/**", "**/export/**", "**/host/**", "**/cli/**", "hyperformula", "exceljs"],
};

export default tseslint.config(
  { ignores: ["dist/**", "dist-page/**", "bench/out/**", "out/**", "node_modules/**", "coverage/**", "scripts/icons/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, Excel: "readonly", Office: "readonly", OfficeExtension: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-syntax": [
        "error",
        // The adapter's discipline (eslint-plugin-office-addins' no-context-sync-in-loop), held here without the plugin.
        { selector: ":matches(ForStatement, ForOfStatement, ForInStatement, WhileStatement, DoWhileStatement) CallExpression[callee.property.name='sync']", message: "No context.sync() inside a loop: build whole blocks and sync once." },
      ],
    },
  },
  ...Object.entries(forbidden).map(([files, patterns]) => ({
    files: [files],
    rules: { "no-restricted-imports": ["error", { patterns: patterns.map((group) => ({ group: [group], message: "This import breaks the one-way layering (ARCHITECTURE.md §2)." })) }] },
  })),
  {
    // Only src/excel (and the host that imitates Excel, and the pane's entry that boots Office) may touch the Office globals.
    files: ["src/domain/**", "src/workbook/**", "src/app/**", "src/export/**", "src/taskpane/**"],
    ignores: ["src/taskpane/index.tsx"],
    rules: { "no-restricted-globals": ["error", { name: "Excel", message: "Only src/excel/ calls the Office API." }, { name: "Office", message: "Only src/excel/ calls the Office API." }] },
  },
  {
    files: ["src/host/**", "test/**", "bench/**"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["scripts/**/*.{js,mjs,cjs}", "*.config.{js,mjs,cjs}", "webpack.config.js", "bench/**/webpack.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
