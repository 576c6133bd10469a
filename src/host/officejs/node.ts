/**
 * Microsoft's Office JavaScript API client, running in Node for tests, benchmarks and the headless
 * runner: `@microsoft/office-js`'s `excel-web-16.00.debug.js` (the library Excel on the web loads)
 * evaluated in a jsdom window, with its request executor answered by the in-memory host
 * (`executeRichApi`). The adapter's `Excel.run`, proxies, `load`/`sync`, PropertyNotLoaded and
 * error objects are then Microsoft's own, and so is every request body the host measures.
 *
 * Node only (reads the library from node_modules): never imported by the pane or the preview.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { JSDOM as JSDOMType } from "jsdom";
import { MemoryHost, setSupported, type HostClient } from "../memoryHost";
import { executeRichApi } from "./server";

/** The local-document URL the client library sends requests to inside Office (`CoreConstants.localDocument`). */
const LOCAL_DOCUMENT = "http://document.localhost/";

interface OfficeJsWindow {
  Excel: { run<T>(session: unknown, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
}

/**
 * The jsdom window holding Microsoft's client library, one per set of requirement sets (the client
 * checks them itself, through `Office.context.requirements.isSetSupported`, and throws ApiNotFound
 * before anything is sent). Evaluated once per process and set (about 0.3 s).
 */
export function officeJsWindow(apiSets: Readonly<Record<string, string>>): OfficeJsWindow {
  const key = JSON.stringify(Object.entries(apiSets).sort());
  const cache = ((process as unknown as { __binhXetOfficeJs?: Map<string, OfficeJsWindow> }).__binhXetOfficeJs ??= new Map());
  const hit = cache.get(key);
  if (hit) return hit;
  const require = createRequire(__filename);
  // Required here, not at import: jsdom needs TextEncoder, which a jsdom test environment adds in its setup.
  const { JSDOM } = require("jsdom") as { JSDOM: typeof JSDOMType };
  const file = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost/" });
  const w = dom.window as unknown as OfficeJsWindow & { eval(code: string): unknown; OSF?: { _OfficeAppFactory?: { getContext(): unknown } } };
  w.eval(readFileSync(file, "utf8"));
  if (!w.Excel || typeof w.Excel.run !== "function" || !w.OSF) throw new Error("excel-web-16.00.debug.js did not define Excel.run");
  // What Office.context holds once Office's loader (office.js) has started the add-in (the getter asks
  // its app factory): the requirement sets of the running Excel, which the client checks before sending.
  const context = { requirements: { isSetSupported: (name: string, version: string) => setSupported(apiSets, name, version) } };
  w.OSF._OfficeAppFactory = { getContext: () => context };
  cache.set(key, w);
  return w;
}

/** Runs batches through Microsoft's client library, answered by the host they are run against. */
export const officeJsClient: HostClient = {
  name: "office.js",
  run<T>(host: MemoryHost, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const w = officeJsWindow(host.apiSets);
    const executor = {
      async executeAsync(_customData: unknown, _flags: number, message: { Body: unknown }) {
        await host.runDue();
        return executeRichApi(host, JSON.stringify(message.Body));
      },
    };
    // A request-info resolver (ClientRequestContext.isRequestUrlAndHeaderInfoResolver) that also
    // supplies the executor, so each run talks to its own host.
    const session = {
      _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: LOCAL_DOCUMENT, headers: {} }),
      _createRequestExecutorOrNull: () => executor,
    };
    return Promise.resolve(w.Excel.run(session, batch));
  },
};

/** Makes every MemoryHost created from now on answer through Microsoft's client library (tests, bench, demo). */
export function useOfficeJsClient(): void {
  MemoryHost.defaultClient = officeJsClient;
}
