/**
 * @module store/pglite-thread
 * Embedded PGlite on a worker thread of its own (issue 13 P1). PGlite is PostgreSQL compiled to WASM:
 * in the service's own thread every statement's parse, plan and execution took the CPU the HTTP calls,
 * pages and PDF checks needed, so a 2-core machine ran the import on one core. On its own thread the
 * database works beside the service; the client here speaks PGlite's `query`/`exec`/`transaction`/
 * `listen` over messages, so drizzle and pg-boss use it as they used PGlite itself.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What a result of `query`/`exec` holds, as PGlite answers it. */
export type PgliteResults<Row = Record<string, unknown>> = {
  rows: Row[];
  affectedRows?: number;
  fields: Array<{ name: string; dataTypeID: number }>;
};

/** PGlite's query options; parsers only as "keep this type's text" (drizzle's are), as functions cannot cross threads. */
type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string) => unknown> };
type WireOptions = { rowMode?: 'array' | 'object'; textTypes?: number[] };

/** A transaction's statements: the part of PGlite's `Transaction` drizzle calls. */
export type PgliteThreadTransaction = {
  query<Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<PgliteResults<Row>>;
  exec(sql: string, options?: QueryOptions): Promise<PgliteResults[]>;
};

/**
 * Plain CommonJS run by the thread: it needs neither TypeScript nor our modules.
 *
 * PGlite's `query` sends six protocol messages through the WASM backend and parses and plans the statement
 * every time (~0.3 ms before any work, 1.3 ms for a claim). A statement seen a second time outside a
 * transaction is PREPAREd once by name and then run as `EXECUTE name(literals)` in one simple-protocol
 * message (a claim in 0.56 ms; issue 13 P1). Only values PGlite itself sends as their text — strings,
 * numbers, bigints, null — become literals, quoted as E'' strings (so no setting changes their meaning);
 * a statement with any other parameter, or one PostgreSQL cannot prepare, runs as before.
 *
 * A caller's own parsers (drizzle keeps dates as text) made PGlite copy its table of ~300 type parsers on every
 * statement (~80 µs, more than an EXECUTE). So PGlite answers every value as text, and the thread parses
 * with PGlite's own table, leaving as text the types the caller keeps.
 */
const THREAD = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite, types } = require(workerData.pglite);
const asText = (value) => value;
const transactions = new Map();
const channels = new Map();
let db;
let parsers;
// PGlite's own parsers by type, arrays bound to this table as PGlite binds them to its own (the same
// query); PGlite itself then leaves every value as text.
async function takeOverParsing() {
  parsers = { ...db.parsers };
  const { rows } = await db.query(
    "SELECT b.oid, b.typarray FROM pg_catalog.pg_type a LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem " +
    "WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid");
  for (const { oid, typarray } of rows)
    parsers[typarray] = (text) => types.arrayParser(text, parsers[oid], typarray);
  db.parsers = Object.fromEntries(Object.keys(parsers).map((type) => [type, asText]));
}
// What PGlite would have answered with the caller's options: its parsers, except the types kept as text.
function parsed(result, wire) {
  const kept = wire?.textTypes;
  const fields = result.fields;
  const parse = fields.map(({ dataTypeID }) => (kept?.includes(dataTypeID) ? undefined : parsers[dataTypeID]));
  for (const row of result.rows)
    for (let at = 0; at < row.length; at++)
      if (parse[at] && row[at] !== null) row[at] = parse[at](row[at], fields[at].dataTypeID);
  if (wire?.rowMode !== 'array')
    result.rows = result.rows.map((row) => Object.fromEntries(fields.map((field, at) => [field.name, row[at]])));
  return result;
}
const AS_TEXT = { rowMode: 'array' };
const on = (tx) => (tx === undefined ? db : transactions.get(tx).tx);
const PREPARED_MAX = 100;
const prepared = new Map();
const seenOnce = new Set();
const unpreparable = new Set();
let names = 0;
const literal = (value) => {
  if (value === null || value === undefined) return 'NULL';
  if (!['string', 'number', 'bigint'].includes(typeof value)) return undefined;
  const text = String(value);
  if (text.includes('\0')) return undefined;
  return "E'" + text.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";
};
const remember = (set, sql) => {
  if (set.size >= 1000) set.clear();
  set.add(sql);
};
async function preparedName(sql) {
  const known = prepared.get(sql);
  if (known !== undefined) {
    prepared.delete(sql);
    prepared.set(sql, known);
    return known;
  }
  if (unpreparable.has(sql)) return undefined;
  if (!seenOnce.delete(sql)) return void remember(seenOnce, sql);
  const name = 'lky_' + ++names;
  try {
    await db.exec('PREPARE ' + name + ' AS ' + sql);
  } catch {
    return void remember(unpreparable, sql);
  }
  prepared.set(sql, name);
  if (prepared.size > PREPARED_MAX) {
    const [oldest, oldestName] = prepared.entries().next().value;
    prepared.delete(oldest);
    // Letting go is housekeeping: its failure must not fail the caller's statement.
    await db.exec('DEALLOCATE ' + oldestName).catch(() => undefined);
  }
  return name;
}
async function executePrepared(sql, params = [], options) {
  const literals = params.map(literal);
  if (literals.includes(undefined)) return undefined;
  const name = await preparedName(sql);
  if (name === undefined) return undefined;
  try {
    const [result] = await db.exec(
      'EXECUTE ' + name + (literals.length ? '(' + literals.join(', ') + ')' : ''), AS_TEXT);
    return parsed(result, options);
  } catch (error) {
    // A plan whose result columns changed under it (the table did), or one already let go: run as usual.
    if (error?.code === '0A000' || error?.code === '26000') {
      if (prepared.get(sql) === name) prepared.delete(sql);
      await db.exec('DEALLOCATE ' + name).catch(() => undefined);
      return undefined;
    }
    // The error names the statement the caller ran, not its EXECUTE with the values in it.
    if (error && typeof error === 'object') error.query = sql;
    throw error;
  }
}
const ops = {
  async open({ dataDir, startParams }) {
    db = await PGlite.create(dataDir, { startParams });
    await takeOverParsing();
  },
  query: async ({ tx, sql, params, options }) =>
    (tx === undefined ? await executePrepared(sql, params, options) : undefined) ??
    parsed(await on(tx).query(sql, params, AS_TEXT), options),
  exec: async ({ tx, sql, options }) =>
    (await on(tx).exec(sql, AS_TEXT)).map((result) => parsed(result, options)),
  begin: ({ id }) => new Promise((opened, failed) => {
    const entry = {};
    entry.done = db.transaction((tx) => new Promise((commit, rollback) => {
      Object.assign(entry, { tx, commit, rollback });
      transactions.set(id, entry);
      opened();
    }));
    entry.done.catch(failed);
  }),
  async end({ id, commit }) {
    const entry = transactions.get(id);
    transactions.delete(id);
    if (commit) entry.commit(); else entry.rollback(new Error('rolled back'));
    try { await entry.done; } catch (error) { if (commit) throw error; }
  },
  async listen({ channel }) {
    if (!channels.has(channel))
      channels.set(channel, await db.listen(channel, (payload) => parentPort.postMessage({ channel, payload })));
  },
  async unlisten({ channel }) { await channels.get(channel)?.(); channels.delete(channel); },
  async dump({ compression }) {
    const file = await db.dumpDataDir(compression);
    return { name: file.name, bytes: await file.arrayBuffer() };
  },
  async close() { await db.close(); },
  // Ends the thread as a WASM abort would (tests of what the process does then).
  exit: ({ code }) => process.exit(code),
};
const failure = (error) => {
  const own = {};
  for (const [key, value] of Object.entries(error ?? {}))
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) own[key] = value;
  return { ...own, name: error?.name ?? 'Error', message: String(error?.message ?? error) };
};
parentPort.on('message', ({ call, op, args }) => {
  Promise.resolve()
    .then(() => ops[op](args))
    .then((result) => parentPort.postMessage({ call, result }), (error) => parentPort.postMessage({ call, error: failure(error) }));
});
`;

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

/** An error of the thread rebuilt with PostgreSQL's fields (code, detail, constraint…) that callers read. */
function rebuilt(error: Record<string, unknown>): Error {
  return Object.assign(new Error(String(error.message)), error);
}

/** Drizzle's parsers keep a type's text; any other parser could not run on the other side, so it is refused. */
function wire(options?: QueryOptions): WireOptions | undefined {
  if (!options) return undefined;
  const textTypes = Object.entries(options.parsers ?? {}).map(([type, parse]) => {
    if (parse('keep') !== 'keep')
      throw new Error(`PGlite thread: only text-keeping parsers cross threads (type ${type})`);
    return Number(type);
  });
  return {
    ...(options.rowMode ? { rowMode: options.rowMode } : {}),
    ...(textTypes.length ? { textTypes } : {}),
  };
}

export class PgliteThread {
  #worker: Worker;
  #pending = new Map<number, Pending>();
  #channels = new Map<string, Set<(payload: string) => void>>();
  #calls = 0;
  #transactions = 0;
  #closed = false;
  #closing = false;
  #deathListeners: Array<(error: Error) => void> = [];

  private constructor(worker: Worker) {
    this.#worker = worker;
    // Idle, the thread keeps nobody alive, as PGlite in the main thread did not; a call in flight does.
    worker.unref();
    worker.on(
      'message',
      (message: {
        call?: number;
        result?: unknown;
        error?: Record<string, unknown>;
        channel?: string;
        payload?: string;
      }) => {
        if (message.channel !== undefined) {
          for (const listener of this.#channels.get(message.channel) ?? []) listener(message.payload ?? '');
          return;
        }
        const pending = this.#pending.get(message.call!);
        if (!pending) return;
        this.#pending.delete(message.call!);
        if (this.#pending.size === 0) worker.unref();
        if (message.error) pending.reject(rebuilt(message.error));
        else pending.resolve(message.result);
      },
    );
    const fail = (error: Error) => {
      if (!this.#closed && !this.#closing) for (const listener of this.#deathListeners) listener(error);
      this.#closed = true;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the PGlite thread exited (${code})`)));
  }

  /** Opens PGlite on a new thread: `dataDir` undefined for a database in memory. */
  static async open(dataDir: string | undefined, startParams: readonly string[]): Promise<PgliteThread> {
    const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const thread = new PgliteThread(
      new Worker(THREAD, {
        eval: true,
        workerData: { pglite },
        // The thread's objects are one statement's rows: a small young generation keeps an import's peak
        // RSS 25 MB lower (issue 13 P2, 5,000 employees) at no measured cost in speed.
        resourceLimits: { maxYoungGenerationSizeMb: 4 },
      }),
    );
    try {
      await thread.#call('open', { dataDir, startParams });
    } catch (error) {
      await thread.#worker.terminate();
      throw error;
    }
    return thread;
  }

  get closed(): boolean {
    return this.#closed;
  }

  #call<Result>(op: string, args: Record<string, unknown>): Promise<Result> {
    if (this.#closed) return Promise.reject(new Error('PGlite is closed'));
    const call = ++this.#calls;
    return new Promise<Result>((resolve, reject) => {
      this.#pending.set(call, { resolve: resolve as (value: unknown) => void, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      this.#worker.postMessage({ call, op, args });
    });
  }

  async query<Row = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions) {
    return this.#call<PgliteResults<Row>>('query', { sql, params, options: wire(options) });
  }

  async exec(sql: string, options?: QueryOptions) {
    return this.#call<PgliteResults[]>('exec', { sql, options: wire(options) });
  }

  /** Runs `callback` in one transaction; PGlite holds every other statement until it ends, as before. */
  async transaction<T>(callback: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T> {
    const tx = ++this.#transactions;
    await this.#call('begin', { id: tx });
    const transaction: PgliteThreadTransaction = {
      query: (sql, params, options) => this.#call('query', { tx, sql, params, options: wire(options) }),
      exec: (sql, options) => this.#call('exec', { tx, sql, options: wire(options) }),
    };
    let result: T;
    try {
      result = await callback(transaction);
    } catch (error) {
      await this.#call('end', { id: tx, commit: false }).catch(() => undefined);
      throw error;
    }
    await this.#call('end', { id: tx, commit: true });
    return result;
  }

  /** LISTEN on `channel`; answers the unsubscribe (pg-boss's notifier uses it). */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    const listeners = this.#channels.get(channel) ?? new Set();
    this.#channels.set(channel, listeners);
    listeners.add(callback);
    await this.#call('listen', { channel });
    return async () => {
      listeners.delete(callback);
      if (listeners.size === 0 && !this.#closed) {
        this.#channels.delete(channel);
        await this.#call('unlisten', { channel });
      }
    };
  }

  /** The data directory as one file (backups, tests that copy a database). */
  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'auto'): Promise<File> {
    const { name, bytes } = await this.#call<{ name: string; bytes: ArrayBuffer }>('dump', { compression });
    return new File([bytes], name);
  }

  /**
   * Runs `listener` if the thread ends without `close` (a WASM abort): every later statement would fail,
   * so the service exits and its supervisor starts it again.
   */
  onDeath(listener: (error: Error) => void): void {
    this.#deathListeners.push(listener);
  }

  /** Ends the thread abruptly with `code`, as a WASM abort would (tests of what follows). */
  async crash(code: number): Promise<void> {
    await this.#call('exit', { code });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closing = true;
    try {
      await this.#call('close', {});
    } finally {
      this.#closed = true;
      await this.#worker.terminate();
    }
  }
}
