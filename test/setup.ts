import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";

/** jsdom lacks a few browser APIs Fluent UI measures with; give the UI tests inert ones. */
if (typeof window !== "undefined") {
  class InertResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  const w = window as unknown as Record<string, unknown>;
  w.ResizeObserver ??= InertResizeObserver;
  w.matchMedia ??= () => ({ matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} });
}

/** jsdom leaves out TextEncoder/TextDecoder, which the document writers use (browsers and WebView2 have them). */
const g = globalThis as unknown as Record<string, unknown>;
g.TextEncoder ??= NodeTextEncoder;
g.TextDecoder ??= NodeTextDecoder;
