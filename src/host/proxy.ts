/**
 * The request context and the proxy object base, with office.js semantics:
 * - property sets and method calls are queued and run in order at `sync()`;
 * - `load()` is queued too and its values arrive after the sync, as of that point in the batch;
 * - reading a property that was not loaded throws PropertyNotLoaded synchronously
 *   (except on a null object, whose properties read as undefined, as in office.js);
 * - `*OrNullObject` results report `isNullObject` after the next sync without an explicit load;
 * - a failing action stops the batch: earlier actions stay applied, later ones don't run.
 */
import { ErrorCodes, HostError, apiNotFound, invalidArgument, isHostError, propertyNotLoaded } from "./errors";
import type { WorkbookModel } from "./model";

export interface HostStats {
  syncs: number;
  runs: number;
  requestBytes: number;
  lastRequestBytes: number;
  maxRequestBytes: number;
  responseBytes: number;
  /** The largest single response (office.js client only; the host's own proxies count the total). */
  maxResponseBytes: number;
  /** Excel.run's closing requests that release kept references (office.js client only; not round trips the add-in waits on). */
  cleanupRequests: number;
}

/** What a request context needs from its host. */
export interface HostBackend {
  readonly model: WorkbookModel;
  readonly stats: HostStats;
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  isSetSupported(name: string, version: string): boolean;
  /** The injected failure for this sync, if any (see MemoryHost.failAtSync). */
  takeFailure(): { code: string; message: string } | null;
  /** Another person's edits due before this sync (see MemoryHost.beforeSync). */
  runDue(): Promise<void>;
  notifyChange(): void;
}

export interface RunState {
  readonly model: WorkbookModel;
  /** Registers a change to client-side proxies that happens only when the whole sync succeeds. */
  stage(fn: () => void): void;
  /** Accounts loaded data against the response limit. */
  respond(data: unknown): void;
}

interface Op {
  json: unknown;
  write: boolean;
  location: string;
  run(st: RunState): void;
}

/** UTF-8 byte length without Buffer/TextEncoder allocation. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export class RequestContextImpl {
  readonly _backend: HostBackend;
  _queue: Op[] = [];
  _closed = false;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly debugInfo = {};
  private _workbook: ProxyLike | null = null;
  /** Set by api.ts so the context can build the workbook proxy without an import cycle. */
  static workbookFactory: ((ctx: RequestContextImpl) => ProxyLike) | null = null;

  constructor(backend: HostBackend) {
    this._backend = backend;
  }

  get workbook(): unknown {
    if (!this._workbook) {
      if (!RequestContextImpl.workbookFactory) throw new Error("workbook factory not registered");
      this._workbook = RequestContextImpl.workbookFactory(this);
    }
    return this._workbook;
  }

  get application(): unknown {
    return (this.workbook as { application: unknown }).application;
  }

  /** office.js' older `context.load(object, options)`. */
  load<T extends { load(o?: unknown): unknown }>(object: T, options?: unknown): T {
    object.load(options);
    return object;
  }

  _enqueue(op: Op): void {
    this._queue.push(op);
  }

  _requireApi(set: string, version: string, apiFullName: string): void {
    if (!this._backend.isSetSupported(set, version)) throw apiNotFound(apiFullName, set, version);
  }

  /** Runs the queued actions. Resolves with `passThroughValue`. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    await Promise.resolve();
    // office.js sends no request when nothing is queued: no round trip, nothing to count.
    if (this._queue.length === 0) return passThroughValue as T;
    const b = this._backend;
    await b.runDue();
    const stats = b.stats;
    stats.syncs++;
    if (this._closed) {
      this._queue = [];
      throw new HostError(ErrorCodes.invalidRequestContext, undefined, "RequestContext.sync");
    }
    const bytes = utf8Length(JSON.stringify(this._queue.map((o) => o.json)));
    stats.requestBytes += bytes;
    stats.lastRequestBytes = bytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, bytes);
    const failure = b.takeFailure();
    if (failure) {
      this._queue = [];
      throw new HostError(failure.code, failure.message, "RequestContext.sync");
    }
    if (bytes > b.requestLimitBytes) {
      this._queue = [];
      throw new HostError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        `The request payload size has exceeded the limit (${bytes} bytes > ${b.requestLimitBytes}).`,
        "RequestContext.sync",
      );
    }
    this._runQueued({ meter: true });
    return passThroughValue as T;
  }

  /**
   * Runs and empties the queue in order. A failing action stops it (earlier ones stay applied) and
   * is thrown as a HostError carrying `opIndex`, its place in the queue. With `meter`, loaded data
   * counts against the response limit (the office.js server measures its own response instead).
   */
  _runQueued(options: { meter: boolean }): void {
    const ops = this._queue;
    this._queue = [];
    const b = this._backend;
    const staged: Array<() => void> = [];
    let responded = 0;
    let wrote = false;
    const st: RunState = {
      model: b.model,
      stage: (fn) => staged.push(fn),
      respond: (data) => {
        if (!options.meter) return;
        responded += utf8Length(JSON.stringify(data) ?? "null");
        if (responded > b.responseLimitBytes) {
          throw new HostError(
            ErrorCodes.responsePayloadSizeLimitExceeded,
            `The response payload size has exceeded the limit (${responded} bytes > ${b.responseLimitBytes}).`,
          );
        }
      },
    };
    // Selecting or activating writes nothing, but the preview's view follows them: notify too.
    const view = { sheet: st.model.activeSheet, selection: st.model.selection };
    try {
      ops.forEach((op, i) => {
        try {
          op.run(st);
        } catch (e) {
          throw Object.assign(toHostError(e, op.location), { opIndex: i });
        }
        if (op.write) wrote = true;
      });
    } finally {
      if (options.meter) b.stats.responseBytes += responded;
      if (wrote || st.model.activeSheet !== view.sheet || st.model.selection !== view.selection) b.notifyChange();
    }
    for (const fn of staged) fn();
  }
}

function toHostError(e: unknown, location: string): HostError {
  if (e instanceof HostError) return e.debugInfo.errorLocation ? e : new HostError(e.code, e.message, location);
  if (isHostError(e)) return new HostError(e.code, e.message, location);
  const message = e instanceof Error ? e.message : String(e);
  return new HostError(ErrorCodes.generalException, message, location);
}

// ------------------------------------------------------------------ load options

export interface LoadTree {
  all: boolean;
  props: Set<string>;
  navs: Map<string, LoadTree>;
}

const emptyTree = (): LoadTree => ({ all: false, props: new Set(), navs: new Map() });

function addPath(tree: LoadTree, parts: string[]): void {
  const [head, ...rest] = parts;
  if (!head) return;
  if (rest.length === 0) {
    if (head === "$all" || head === "*") tree.all = true;
    else tree.props.add(head);
    return;
  }
  let sub = tree.navs.get(head);
  if (!sub) {
    sub = emptyTree();
    tree.navs.set(head, sub);
  }
  addPath(sub, rest);
}

function addObject(tree: LoadTree, o: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(o)) {
    if (k === "$all") {
      if (v) tree.all = true;
    } else if (k === "$top" || k === "$skip" || k === "top" || k === "skip") continue;
    else if (v === true) tree.props.add(k);
    else if (v && typeof v === "object") {
      const sub = tree.navs.get(k) ?? emptyTree();
      addObject(sub, v as Record<string, unknown>);
      if (sub.props.size === 0 && sub.navs.size === 0) sub.all = true;
      tree.navs.set(k, sub);
    }
  }
}

/** Parses the argument of `load()`: a string ("a, b/c"), an array, `{ select, expand }` or a LoadOptions object. */
export function parseLoad(options: unknown): LoadTree {
  const tree = emptyTree();
  if (options === undefined || options === null) {
    tree.all = true;
    return tree;
  }
  const addString = (s: string): void => {
    for (const p of s.split(",")) {
      const path = p.trim();
      if (path) addPath(tree, path.split("/").map((x) => x.trim()));
    }
  };
  if (typeof options === "string") addString(options);
  else if (Array.isArray(options)) for (const s of options) addString(String(s));
  else if (typeof options === "object") {
    const o = options as Record<string, unknown>;
    if (typeof o.select === "string" || typeof o.expand === "string") {
      if (typeof o.select === "string") addString(o.select);
      if (typeof o.expand === "string") {
        for (const nav of o.expand.split(",")) {
          const name = nav.trim();
          if (!name) continue;
          const parts = name.split("/");
          let t = tree;
          for (const part of parts) {
            const sub = t.navs.get(part) ?? emptyTree();
            t.navs.set(part, sub);
            t = sub;
          }
          if (t.props.size === 0) t.all = true;
        }
      }
      if (typeof o.select !== "string" && typeof o.expand === "string") tree.all = true;
    } else addObject(tree, o);
  }
  if (!tree.all && tree.props.size === 0 && tree.navs.size === 0) tree.all = true;
  return tree;
}

// ------------------------------------------------------------------ proxies

export interface PropSpec<T> {
  get?: (t: T, model: WorkbookModel) => unknown;
  set?: (t: T, model: WorkbookModel, value: unknown, location: string) => void;
  /** Requirement set of the property ("ExcelApi", "1.7"). */
  api?: [string, string];
  /** Not returned by a load() without arguments. */
  explicitOnly?: boolean;
}

/** What the loading machinery needs from any proxy (proxies are invariant in their target type). */
export interface ProxyLike {
  readonly _path: string;
  _collect(model: WorkbookModel, tree: LoadTree): Collected;
  _apply(data: Collected): void;
  toJSON(): Record<string, unknown>;
  set(properties: Record<string, unknown>): void;
}

export interface Collected {
  isNull: boolean;
  props: Record<string, unknown>;
  navs: Record<string, Collected>;
  items?: Array<{ proxy: ProxyLike; data: Collected }>;
}

/** Defines property accessors that read loaded values and queue sets, from a spec. */
export function defineProps<T>(cls: { prototype: object; props?: Record<string, PropSpec<T>> }, props: Record<string, PropSpec<T>>): void {
  (cls as { props: Record<string, PropSpec<T>> }).props = props;
  for (const [name, spec] of Object.entries(props)) {
    const desc: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: ProxyBase<T>) {
        return this._get(name);
      },
    };
    if (spec.set) {
      desc.set = function (this: ProxyBase<T>, value: unknown) {
        this._set(name, value);
      };
    }
    Object.defineProperty(cls.prototype, name, desc);
  }
}

export abstract class ProxyBase<T> {
  readonly _ctx: RequestContextImpl;
  readonly _path: string;
  _loaded: Record<string, unknown> = {};
  _isNull: boolean | undefined = undefined;
  readonly _nullable: boolean;
  private _cache: { value: T | null } | undefined;
  protected _children = new Map<string, ProxyLike>();

  abstract readonly _typeName: string;
  /** Navigation property names (children proxies). */
  static navs: string[] = [];
  static props: Record<string, PropSpec<unknown>> = {};

  private readonly _resolver: (model: WorkbookModel) => T | null;

  constructor(ctx: RequestContextImpl, path: string, resolver: (model: WorkbookModel) => T | null, nullable = false) {
    this._ctx = ctx;
    this._path = path;
    this._resolver = resolver;
    this._nullable = nullable;
  }

  get context(): Excel.RequestContext {
    return this._ctx as unknown as Excel.RequestContext;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._typeName, "isNullObject");
    return this._isNull;
  }

  /** Resolves what the proxy points at, or null for a null object. May throw (e.g. ItemNotFound). */
  protected _resolve(model: WorkbookModel): T | null {
    return this._resolver(model);
  }

  protected _alive(_t: T): boolean {
    return true;
  }

  _target(model: WorkbookModel): T | null {
    if (this._cache) {
      const v = this._cache.value;
      if (v !== null && !this._alive(v)) {
        if (this._nullable) return null;
        throw new HostError(ErrorCodes.itemNotFound, "The object no longer exists.", `${this._typeName}`);
      }
      return v;
    }
    const v = this._resolve(model);
    this._cache = { value: v };
    return v;
  }

  protected _spec(): Record<string, PropSpec<T>> {
    return (this.constructor as unknown as { props: Record<string, PropSpec<T>> }).props ?? {};
  }

  protected _navNames(): string[] {
    return (this.constructor as unknown as { navs: string[] }).navs ?? [];
  }

  _get(name: string): unknown {
    const spec = this._spec()[name];
    if (spec?.api) this._ctx._requireApi(spec.api[0], spec.api[1], `${this._typeName}.${name}`);
    if (Object.prototype.hasOwnProperty.call(this._loaded, name)) return this._loaded[name];
    if (this._isNull === true) return undefined;
    throw propertyNotLoaded(this._typeName, name);
  }

  _set(name: string, value: unknown): void {
    const spec = this._spec()[name];
    if (!spec?.set) throw invalidArgument(`${this._typeName}.${name}`, `The property '${name}' is read-only.`);
    if (spec.api) this._ctx._requireApi(spec.api[0], spec.api[1], `${this._typeName}.${name}`);
    this._loaded[name] = value;
    const setter = spec.set;
    const location = `${this._typeName}.${name}`;
    this._ctx._enqueue({
      json: { op: "set", target: this._path, prop: name, value },
      write: true,
      location,
      run: (st) => {
        const t = this._target(st.model);
        if (t === null) return;
        setter(t, st.model, value, location);
      },
    });
  }

  /** Queues a method call. */
  protected _call(method: string, args: unknown[], apply: (t: T, model: WorkbookModel, location: string) => void, write = true): void {
    const location = `${this._typeName}.${method}`;
    this._ctx._enqueue({
      json: { op: "call", target: this._path, method, args: args.map(argJson) },
      write,
      location,
      run: (st) => {
        const t = this._target(st.model);
        if (t === null) return;
        apply(t, st.model, location);
      },
    });
  }

  /** Queues a method call whose result arrives as a ClientResult after the sync. */
  protected _result<R>(method: string, args: unknown[], compute: (t: T, model: WorkbookModel, location: string) => R): ClientResultImpl<R> {
    const result = new ClientResultImpl<R>();
    const location = `${this._typeName}.${method}`;
    this._ctx._enqueue({
      json: { op: "call", target: this._path, method, args: args.map(argJson) },
      write: false,
      location,
      run: (st) => {
        const t = this._target(st.model);
        const v = t === null ? (null as R) : compute(t, st.model, location);
        st.respond(v);
        st.stage(() => result._resolve(v));
      },
    });
    return result;
  }

  /** Queues the instantiation of an *OrNullObject result so that isNullObject is known after the sync. */
  _instantiate(): void {
    this._ctx._enqueue({
      json: { op: "get", target: this._path },
      write: false,
      location: this._typeName,
      run: (st) => {
        const t = this._target(st.model);
        st.respond({ isNull: t === null });
        st.stage(() => {
          this._isNull = t === null;
        });
      },
    });
  }

  /** A child proxy (navigation property), created once. */
  protected _child<C extends ProxyLike>(name: string, make: () => C): C {
    let c = this._children.get(name) as C | undefined;
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c;
  }

  load(options?: unknown): this {
    const tree = parseLoad(options);
    this._ctx._enqueue({
      json: { op: "load", target: this._path, options: typeof options === "object" ? options : options ?? null },
      write: false,
      location: `${this._typeName}.load`,
      run: (st) => {
        const data = this._collect(st.model, tree);
        st.respond(plain(data));
        st.stage(() => this._apply(data));
      },
    });
    return this;
  }

  /** Gathers loaded values (at this point of the batch). */
  _collect(model: WorkbookModel, tree: LoadTree): Collected {
    const t = this._target(model);
    if (t === null) return { isNull: true, props: {}, navs: {} };
    const spec = this._spec();
    const navNames = this._navNames();
    const props: Record<string, unknown> = {};
    const navs: Record<string, Collected> = {};
    const names = new Set<string>(tree.props);
    if (tree.all) for (const [n, s] of Object.entries(spec)) if (s.get && !s.explicitOnly) names.add(n);
    for (const n of names) {
      const s = spec[n];
      if (s?.get) {
        if (s.api && !this._ctx._backend.isSetSupported(s.api[0], s.api[1])) {
          if (tree.props.has(n)) throw apiNotFound(`${this._typeName}.${n}`, s.api[0], s.api[1]);
          continue;
        }
        props[n] = s.get(t, model);
      } else if (navNames.includes(n)) {
        const child = (this as unknown as Record<string, ProxyLike>)[n];
        navs[n] = child._collect(model, { all: true, props: new Set(), navs: new Map() });
      } else if (n !== "isNullObject") {
        throw invalidArgument(`${this._typeName}.load`, `The in-memory host has no loadable property '${n}' on ${this._typeName}.`);
      }
    }
    for (const [n, sub] of tree.navs) {
      if (!navNames.includes(n)) throw invalidArgument(`${this._typeName}.load`, `The in-memory host has no navigation property '${n}' on ${this._typeName}.`);
      const child = (this as unknown as Record<string, ProxyLike>)[n];
      navs[n] = child._collect(model, sub);
    }
    return { isNull: false, props, navs };
  }

  _apply(data: Collected): void {
    this._isNull = data.isNull;
    Object.assign(this._loaded, data.props);
    for (const [n, sub] of Object.entries(data.navs)) {
      const child = (this as unknown as Record<string, ProxyLike>)[n];
      child._apply(sub);
    }
  }

  /** Sets several properties (and navigation properties' properties) at once, like office.js' `set()`. */
  set(properties: Record<string, unknown>): void {
    const spec = this._spec();
    const navNames = this._navNames();
    for (const [k, v] of Object.entries(properties)) {
      if (spec[k]?.set) this._set(k, v);
      else if (navNames.includes(k) && v && typeof v === "object") (this as unknown as Record<string, ProxyLike>)[k].set(v as Record<string, unknown>);
      else throw invalidArgument(`${this._typeName}.set`, `The property '${k}' can't be set.`);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...this._loaded };
    for (const [n, c] of this._children) {
      const j = c.toJSON();
      if (Object.keys(j).length > 0) out[n] = j;
    }
    return out;
  }
}

/** Collections: `items` after load; load options apply to the items ("items/name" or "name"). */
export abstract class CollectionProxy<T, I> extends ProxyBase<T> {
  private _items: ProxyLike[] | undefined;

  protected abstract _enumerate(t: T, model: WorkbookModel): I[];
  protected abstract _makeItem(target: I, index: number): ProxyLike;

  get items(): never[] {
    if (this._items === undefined) {
      if (this._isNull === true) return [];
      throw propertyNotLoaded(this._typeName, "items");
    }
    return this._items as never[];
  }

  override _collect(model: WorkbookModel, tree: LoadTree): Collected {
    const t = this._target(model);
    if (t === null) return { isNull: true, props: {}, navs: {}, items: [] };
    const own: Record<string, unknown> = {};
    const spec = this._spec();
    let itemTree: LoadTree = tree;
    const sub = tree.navs.get("items");
    if (sub) {
      itemTree = { all: sub.all, props: new Set(sub.props), navs: new Map(sub.navs) };
      for (const p of tree.props) if (p !== "items") {
        if (spec[p]?.get) own[p] = spec[p].get?.(t, model);
      }
    } else {
      // Collection-level properties named directly are the collection's own; others apply to the items.
      const rest = new Set<string>();
      for (const p of tree.props) {
        if (spec[p]?.get) own[p] = spec[p].get?.(t, model);
        else if (p !== "items") rest.add(p);
      }
      itemTree = { all: tree.all || (rest.size === 0 && tree.navs.size === 0), props: rest, navs: tree.navs };
    }
    const items = this._enumerate(t, model).map((target, i) => {
      const proxy = this._makeItem(target, i);
      return { proxy, data: proxy._collect(model, itemTree) };
    });
    return { isNull: false, props: own, navs: {}, items };
  }

  override _apply(data: Collected): void {
    super._apply(data);
    if (data.items) {
      for (const it of data.items) it.proxy._apply(it.data);
      this._items = data.items.map((it) => it.proxy);
    }
  }

  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    if (this._items) out.items = this._items.map((i) => i.toJSON());
    return out;
  }
}

export class ClientResultImpl<R> {
  private _v: R | undefined;
  private _done = false;

  get value(): R {
    if (!this._done) throw new HostError(ErrorCodes.valueNotLoaded, undefined, "ClientResult.value");
    return this._v as R;
  }

  _resolve(v: R): void {
    this._v = v;
    this._done = true;
  }
}

function argJson(a: unknown): unknown {
  if (a instanceof ProxyBase) return { ref: a._path };
  return a === undefined ? null : a;
}

function plain(c: Collected): unknown {
  const out: Record<string, unknown> = { ...c.props };
  for (const [k, v] of Object.entries(c.navs)) out[k] = plain(v);
  if (c.items) out.items = c.items.map((i) => plain(i.data));
  return out;
}
