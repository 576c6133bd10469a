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

/**
 * Every in-memory host answers through Microsoft's office.js client library (excel-web-16.00.js in
 * jsdom): the adapter's proxies, load/sync and errors are Microsoft's, and request sizes are the
 * bodies it builds. A test that needs the host's own proxies passes `{ client: null }`.
 */
import { useOfficeJsClient } from "../src/host/officejs/node";
useOfficeJsClient();
