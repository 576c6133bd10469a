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
