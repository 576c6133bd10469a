/**
 * The minimal pane (bench/minimal/index.tsx) built with the add-in's own production settings
 * (webpack.config.js: swc-loader for .tsx, splitChunks "all", contenthash names), and loaded the way
 * taskpane.html loads the add-in (office.js from the CDN first). Output: bench/out/minimal/.
 */
"use strict";
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ROOT = path.join(__dirname, "..", "..");

module.exports = {
  mode: "production",
  context: ROOT,
  devtool: false,
  entry: { minimal: "./bench/minimal/index.tsx" },
  output: { path: path.join(ROOT, "bench", "out", "minimal"), filename: "[name].[contenthash:10].js", chunkFilename: "[name].[contenthash:10].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.tsx$/,
        exclude: /node_modules/,
        use: {
          loader: "swc-loader",
          options: { module: { type: "es6" }, jsc: { target: "es2020", parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic", development: false } } } },
        },
      },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({
      filename: "index.html",
      templateContent: '<!doctype html><html lang="vi"><head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>minimal pane</title><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head><body><div id="root"></div></body></html>',
    }),
  ],
  optimization: { splitChunks: { chunks: "all" } },
  performance: { hints: false },
  stats: "errors-only",
};
