/** The documents module (issue #13 point 4): the layout type, the shared NĐ 30 blocks, the builder and the plain-text renderer. */
export * from "./layout";
export * from "./blocks";
export * from "./builder";
export * from "./text";
