/**
 * The server half of the Office JavaScript API, over the in-memory workbook.
 *
 * Microsoft's client library (`@microsoft/office-js`, `excel-web-16.00.js`) turns an add-in's
 * proxies, `load()` and `sync()` into a "RichApi" request: a JSON body of object paths (how to
 * reach each object from the workbook) and actions (instantiate, query, set a property, call a
 * method), which Excel on the web receives and answers with one result per action. This module
 * plays Excel's part: it reads that body, replays each action on the host's own proxies (the one
 * implementation of Excel's semantics), and answers in the shape the client library parses. So
 * in tests, the client half of every call is Microsoft's code, and the request that is measured
 * against Excel on the web's 5 MB limit is the one Microsoft's code builds.
 *
 * Wire format, as the client library writes and reads it (excel-web-16.00.debug.js,
 * `ClientRequest.buildRequestMessageBodyAndRequestFlags`, `processRequestExecutorResponseMessage`):
 * - ObjectPathType 1 global object (the workbook), 3 method, 4 property, 5 indexer, 6 reference
 *   id, 7 null object; names are PascalCase ("Worksheets", "GetRange").
 * - ActionType 1 instantiate, 2 query (`QueryInfo.Select` in camelCase paths, "format/font/bold"),
 *   3 method, 4 set property, 5 trace.
 * - A result's value is `null` for a null object; a query's value carries PascalCase properties,
 *   navigation properties as nested objects, and a collection's items under `_Items`.
 * - An error stops the request: `Error: { Code, Message, Location, ActionIndex }`; the actions
 *   before it stay applied.
 */
import { ErrorCodes, HostError, isHostError } from "../errors";
import type { MemoryHost } from "../memoryHost";
import { type Collected, parseLoad, type ProxyLike, RequestContextImpl, utf8Length } from "../proxy";
import type { SheetModel } from "../sheet";

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ResponseBody {
  Results: { ActionId: number; Value: unknown }[];
  Error?: { Code: string; Message: string; Location: string; ActionIndex: number; HttpStatusCode?: number };
}

/** What the client library's request executor resolves with (`RichApiMessageUtility.buildResponseOnSuccess/OnError`). */
export interface ExecutorResponse {
  HttpStatusCode: number;
  ErrorCode: string;
  ErrorMessage: string;
  Headers: Record<string, string>;
  Body: ResponseBody | null;
}

const OBJECT_PATH = { global: 1, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;

/**
 * Properties the client library sets under a wire name other than the PascalCase of their
 * JavaScript name (its custom setters, `_CC.<Class>_<Property>_Set`); a test scans the library
 * so that a new one cannot pass unnoticed.
 */
export const SET_ALIASES: Record<string, Record<string, string>> = {
  Worksheet: { Gridlines: "showGridlines", Headings: "showHeadings" },
  Style: { Orientation: "textOrientation" },
};

const camel = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s);
const pascal = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** A host proxy, a null object, or a plain value a method returned. */
type Resolved = ProxyLike | null;

function isProxy(x: unknown): x is ProxyLike & Record<string, unknown> {
  return !!x && typeof x === "object" && typeof (x as ProxyLike)._collect === "function";
}

/** Collected load data in the wire's shape: PascalCase properties, nested navigations, `_Items`. */
function wire(c: Collected): unknown {
  if (c.isNull) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.props)) out[pascal(k)] = v;
  for (const [k, v] of Object.entries(c.navs)) out[pascal(k)] = wire(v);
  if (c.items) out._Items = c.items.map((i) => wire(i.data));
  return out;
}

function errorOf(e: unknown, location: string): HostError {
  if (e instanceof HostError) return e;
  if (isHostError(e)) return new HostError(e.code, e.message, e.debugInfo?.errorLocation ?? location);
  return new HostError(ErrorCodes.generalException, e instanceof Error ? e.message : String(e), location);
}

/**
 * Executes one request body against the host, with the host's counters and limits. The request
 * is measured as the client library sends it: the UTF-8 length of `JSON.stringify(body)`
 * (`RichApiMessageUtility.buildMessageArrayForIRequestExecutor`); the response likewise.
 */
export function executeRichApi(host: MemoryHost, text: string): ExecutorResponse {
  const body = JSON.parse(text) as RequestBody;
  const stats = host.stats;
  // Excel.run's closing request only releases the references it was given (see RequestRun): it is
  // not a round trip the add-in waits on in Office (office.js does not await it there), so it is
  // counted apart and never fails.
  if (isCleanup(body)) {
    stats.cleanupRequests++;
    return ok(new RequestRun(host, new RequestContextImpl(host), body).execute());
  }
  const bytes = utf8Length(text);
  stats.syncs++;
  stats.requestBytes += bytes;
  stats.lastRequestBytes = bytes;
  stats.maxRequestBytes = Math.max(stats.maxRequestBytes, bytes);
  const failure = host.takeFailure();
  if (failure) return httpError(failure.code, failure.message);
  if (bytes > host.requestLimitBytes) {
    return httpError(ErrorCodes.requestPayloadSizeLimitExceeded, `The request payload size has exceeded the limit (${bytes} bytes > ${host.requestLimitBytes}).`);
  }
  const response = new RequestRun(host, new RequestContextImpl(host), body).execute();
  const size = utf8Length(JSON.stringify(response));
  if (size > host.responseLimitBytes) {
    return httpError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size has exceeded the limit (${size} bytes > ${host.responseLimitBytes}).`);
  }
  // Responses delivered (a refused one never leaves Excel).
  stats.responseBytes += size;
  stats.maxResponseBytes = Math.max(stats.maxResponseBytes, size);
  return ok(response);
}

function ok(body: ResponseBody): ExecutorResponse {
  return { HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: body };
}

const REMOVE_REFERENCE = "_RemoveReference";
const KEEP_REFERENCE = "_KeepReference";

function isCleanup(body: RequestBody): boolean {
  const actions = body.Actions ?? [];
  return actions.some((a) => a.Name === REMOVE_REFERENCE) && actions.every((a) => a.Name === REMOVE_REFERENCE || (a.ActionType === 1 && body.ObjectPaths[String(a.ObjectPathId)]?.ObjectPathType === 1));
}

/**
 * Objects the client asked Excel to keep between requests (`_KeepReference`, sent for every range
 * made inside Excel.run): answered with a `_ReferenceId`, after which the client reaches the object
 * by that id (object path type 6) until it sends `_RemoveReference` at the end of the run.
 */
interface Kept {
  make(ctx: RequestContextImpl): ProxyLike;
}
const references = new WeakMap<MemoryHost, { next: number; kept: Map<string, Kept> }>();

function referenceTable(host: MemoryHost) {
  let t = references.get(host);
  if (!t) references.set(host, (t = { next: 1, kept: new Map() }));
  return t;
}

function httpError(code: string, message: string): ExecutorResponse {
  return { HttpStatusCode: code === ErrorCodes.generalException ? 500 : 400, ErrorCode: code, ErrorMessage: message, Headers: {}, Body: null };
}

class RequestRun {
  private readonly paths = new Map<number, Resolved>();
  /** Object paths the client asked to keep (a `_KeepReference` action on them). */
  private readonly keep: Set<number>;
  /** Per host operation (in queue order), the index of the action that queued it. */
  private readonly opAction: number[] = [];
  /** Results to read once the operations have run. */
  private readonly finish: Array<() => { ActionId: number; Value: unknown } | null> = [];

  constructor(
    private readonly host: MemoryHost,
    private readonly ctx: RequestContextImpl,
    private readonly body: RequestBody,
  ) {
    this.keep = new Set((body.Actions ?? []).filter((a) => a.ActionType === ACTION.method && a.Name === KEEP_REFERENCE).map((a) => a.ObjectPathId));
  }

  execute(): ResponseBody {
    const actions = this.body.Actions ?? [];
    let failed: { error: HostError; index: number } | null = null;
    for (let i = 0; i < actions.length && !failed; i++) {
      const before = this.ctx._queue.length;
      try {
        this.translate(actions[i]);
      } catch (e) {
        failed = { error: errorOf(e, actions[i].Name || "RichApi"), index: i };
      }
      for (let k = before; k < this.ctx._queue.length; k++) this.opAction[k] = i;
    }
    // The operations queued before a failing action still run, as Excel applies a request's actions in order.
    try {
      this.ctx._runQueued({ meter: false });
    } catch (e) {
      const err = errorOf(e, "RichApi");
      const opIndex = (e as { opIndex?: number }).opIndex;
      failed = { error: err, index: opIndex !== undefined ? (this.opAction[opIndex] ?? -1) : -1 };
    }
    const results: { ActionId: number; Value: unknown }[] = [];
    if (!failed) {
      for (const f of this.finish) {
        const r = f();
        if (r) results.push(r);
      }
      return { Results: results };
    }
    const e = failed.error;
    return {
      Results: results,
      Error: { Code: e.code, Message: e.message, Location: e.debugInfo.errorLocation ?? "", ActionIndex: failed.index, HttpStatusCode: e.httpStatusCode },
    };
  }

  /** A method's arguments: JSON has no `undefined`, so an optional argument left out arrives as null. */
  private args(info: ArgumentInfo | undefined): unknown[] {
    const args: unknown[] = (info?.Arguments ?? []).map((x) => (x === null ? undefined : x));
    const refs = info?.ReferencedObjectPathIds ?? [];
    refs.forEach((id, i) => {
      if (id) args[i] = this.path(id);
    });
    return args.map((x) => this.objects(x));
  }

  /** A client object nested in an argument value travels as `{ _ObjectPathId: n }` (a list source given as a Range). */
  private objects(x: unknown): unknown {
    if (Array.isArray(x)) return x.some((v) => v && typeof v === "object") ? x.map((v) => this.objects(v)) : x;
    if (!x || typeof x !== "object" || isProxy(x)) return x;
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === "_ObjectPathId" && typeof o._ObjectPathId === "number") return this.path(o._ObjectPathId);
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = this.objects(o[k]);
    return out;
  }

  /** The proxy an object path leads to, built once per request (building a method path queues its call). */
  private path(id: number): Resolved {
    if (this.paths.has(id)) return this.paths.get(id) as Resolved;
    const info = this.body.ObjectPaths[String(id)];
    if (!info) throw new HostError("InvalidObjectPath", `Object path ${id} is not in the request.`, "RichApi");
    let out: Resolved;
    switch (info.ObjectPathType) {
      case OBJECT_PATH.global:
        out = this.ctx.workbook as ProxyLike;
        break;
      case OBJECT_PATH.nullObject:
        out = null;
        break;
      case OBJECT_PATH.referenceId: {
        const kept = referenceTable(this.host).kept.get(info.Name);
        if (!kept) throw new HostError("InvalidObjectPath", `The reference ${info.Name} is not kept.`, "RichApi");
        out = kept.make(this.ctx);
        break;
      }
      case OBJECT_PATH.property:
      case OBJECT_PATH.method:
      case OBJECT_PATH.indexer: {
        const parent = this.path(info.ParentObjectPathId ?? 0);
        if (parent === null) {
          out = null;
          break;
        }
        const p = parent as unknown as Record<string, unknown>;
        if (info.ObjectPathType === OBJECT_PATH.property) {
          out = p[camel(info.Name)] as Resolved;
        } else {
          const name = info.ObjectPathType === OBJECT_PATH.indexer ? "getItem" : camel(info.Name);
          const fn = p[name];
          if (typeof fn !== "function") throw unsupported(`${(parent as { _typeName?: string })._typeName ?? "?"}.${name}`);
          out = (fn as (...a: unknown[]) => Resolved).apply(parent, this.args(info.ArgumentInfo));
        }
        if (out === undefined || (out !== null && typeof out !== "object")) throw unsupported(`${info.Name} (object path ${id})`);
        break;
      }
      default:
        throw unsupported(`object path type ${info.ObjectPathType}`);
    }
    this.paths.set(id, out);
    return out;
  }

  /** Keeps `obj`'s target for later requests; returns its reference id. */
  private kept(obj: ProxyLike, target: unknown): string {
    const table = referenceTable(this.host);
    const id = `{bx-ref}${table.next++}`;
    const Ctor = obj.constructor as new (ctx: RequestContextImpl, path: string, resolver: () => unknown) => ProxyLike;
    table.kept.set(id, { make: (ctx) => new Ctor(ctx, `ref:${id}`, () => target) });
    return id;
  }

  private translate(a: ActionInfo): void {
    switch (a.ActionType) {
      case ACTION.instantiate: {
        const obj = this.path(a.ObjectPathId);
        const holder: { value?: unknown } = {};
        if (obj !== null && isProxy(obj)) {
          // Excel resolves the object here: getItem("missing") fails at this action, not at a later use.
          const keep = this.keep.has(a.ObjectPathId);
          this.ctx._enqueue({
            json: null,
            write: false,
            location: (obj as { _typeName?: string })._typeName ?? "RichApi",
            run: (st) => {
              const target = (obj as unknown as { _target(m: unknown): unknown })._target(st.model);
              if (target === null) holder.value = null;
              else if (keep) holder.value = { _ReferenceId: this.kept(obj, target) };
              else holder.value = identity(obj, target);
            },
          });
        } else if (obj !== null) holder.value = {};
        this.finish.push(() => ({ ActionId: a.Id, Value: obj === null ? null : (holder.value ?? null) }));
        return;
      }
      case ACTION.query: {
        const obj = this.path(a.ObjectPathId);
        const select = [...(a.QueryInfo?.Select ?? []), ...(a.QueryInfo?.Expand ?? [])];
        const tree = parseLoad(select.length ? select.join(",") : undefined);
        const holder: { value?: unknown } = {};
        if (obj !== null) {
          if (!isProxy(obj)) throw unsupported(`load on object path ${a.ObjectPathId}`);
          this.ctx._enqueue({
            json: null,
            write: false,
            location: `${(obj as { _typeName?: string })._typeName ?? "?"}.load`,
            run: (st) => {
              holder.value = wire(obj._collect(st.model, tree));
            },
          });
        }
        this.finish.push(() => ({ ActionId: a.Id, Value: obj === null ? null : (holder.value ?? null) }));
        return;
      }
      case ACTION.setProperty: {
        const obj = this.path(a.ObjectPathId);
        if (obj === null) return;
        const value = this.objects(a.ArgumentInfo?.Arguments?.[0]);
        const type = (obj as { _typeName?: string })._typeName ?? "";
        (obj as unknown as Record<string, unknown>)[SET_ALIASES[type]?.[a.Name] ?? camel(a.Name)] = value;
        return;
      }
      case ACTION.method: {
        const obj = this.path(a.ObjectPathId);
        if (obj === null || a.Name === KEEP_REFERENCE) return;
        if (a.Name === REMOVE_REFERENCE) {
          const [id] = this.args(a.ArgumentInfo);
          referenceTable(this.host).kept.delete(String(id));
          return;
        }
        const name = camel(a.Name);
        const fn = (obj as unknown as Record<string, unknown>)[name];
        if (typeof fn !== "function") throw unsupported(`${(obj as { _typeName?: string })._typeName ?? "?"}.${name}`);
        const r = (fn as (...x: unknown[]) => unknown).apply(obj, this.args(a.ArgumentInfo));
        if (r && typeof r === "object" && "_resolve" in r) {
          this.finish.push(() => ({ ActionId: a.Id, Value: (r as unknown as { value: unknown }).value }));
        }
        return;
      }
      case ACTION.trace:
        return;
      default:
        throw unsupported(`action type ${a.ActionType}`);
    }
  }
}

/**
 * What an instantiate result carries for an item of a collection: its id, by which the client
 * re-finds it in later requests (`ObjectPath.updateUsingObjectData`: an indexer on the parent
 * collection). Other objects: nothing.
 */
function identity(obj: ProxyLike, target: unknown): Record<string, unknown> {
  switch ((obj as { _typeName?: string })._typeName) {
    case "Worksheet":
      return { Id: (target as SheetModel).id };
    case "NamedItem":
      return { _Id: (target as { name: string }).name };
    case "ConditionalFormat":
      return { Id: (target as { cf: { id: string } }).cf.id };
    default:
      return {};
  }
}

function unsupported(what: string): HostError {
  return new HostError(ErrorCodes.notImplemented, `The in-memory host does not implement ${what}.`, what);
}
