// @ts-check
/**
 * Child process of the activation benchmark (bench/activation.ts), run by plain Node: tsx's
 * require hook would transform the bundle as it loads and add its own time. Loads the built
 * desktop extension with a stub `vscode` module, calls activate(context) and prints, as
 * JSON, how long each took and how the stub was used.
 *
 *   node bench/activation-child.mjs dist/extension/node.js
 *
 * The stub is not VS Code: every API member is a stand-in whose properties are stand-ins
 * and whose calls return stand-ins (so registrations return something with a no-op
 * `dispose`), except what activation reads as data: Uri, the open documents and editors
 * (none), and the extension context. The figures are our code's own cost: VS Code's
 * extension host, its real registrations and its IPC are not in them.
 */

import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** @type {Map<string, number>} */
const calls = new Map();

/**
 * A stand-in for a part of the API named `name`: each property is a stand-in (the same one
 * each time) unless `known` gives it, and calling or constructing it returns a stand-in.
 * Not a promise (no `then`), and a string in templates.
 * @param {string} name
 * @param {Record<string, unknown>} [known]
 * @returns {object}
 */
function standIn(name, known = {}) {
  /** @type {Map<string, unknown>} */
  const members = new Map(Object.entries(known));
  const count = (/** @type {string} */ call) => calls.set(call, (calls.get(call) ?? 0) + 1);
  return new Proxy(function standInFunction() {}, {
    get(_target, key) {
      if (key === Symbol.toPrimitive) return () => name;
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (!members.has(key)) members.set(key, standIn(`${name}.${key}`));
      return members.get(key);
    },
    set(_target, key, value) {
      if (typeof key === 'string') members.set(key, value);
      return true;
    },
    apply() {
      count(name);
      return standIn(`${name}()`);
    },
    construct() {
      count(`new ${name}`);
      return standIn(`new ${name}`);
    },
  });
}

/** Enough of vscode.Uri for joining paths and printing. */
class Uri {
  /** @param {string} scheme @param {string} uriPath */
  constructor(scheme, uriPath) {
    this.scheme = scheme;
    this.authority = '';
    this.path = uriPath;
    this.query = '';
    this.fragment = '';
    this.fsPath = uriPath;
  }
  /** @param {string} fsPath */
  static file(fsPath) {
    return new Uri('file', fsPath);
  }
  /** @param {string} value */
  static parse(value) {
    const colon = value.indexOf(':');
    return new Uri(value.slice(0, colon), value.slice(colon + 1).replace(/^\/\//, ''));
  }
  /** @param {Uri} base @param {string[]} segments */
  static joinPath(base, ...segments) {
    return new Uri(base.scheme, path.posix.join(base.path, ...segments));
  }
  /** @param {{ scheme?: string, path?: string }} change */
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
  }
  toString() {
    return `${this.scheme}://${this.path}`;
  }
}

const bundle = path.resolve(process.argv[2] ?? 'dist/extension/node.js');
const root = path.resolve(path.dirname(bundle), '..', '..');

// A plain object over a stand-in: esbuild's import helper copies the module's own properties
// and keeps its prototype, so the stand-in answers every name the object does not have.
const vscode = Object.assign(Object.create(standIn('vscode')), {
  Uri,
  workspace: standIn('vscode.workspace', { textDocuments: [], workspaceFolders: undefined }),
  window: standIn('vscode.window', { activeTextEditor: undefined, visibleTextEditors: [] }),
});
/** @type {{ dispose(): unknown }[]} */
const subscriptions = [];
const context = standIn('context', {
  subscriptions,
  extensionUri: Uri.file(root),
  extensionPath: root,
  asAbsolutePath: (/** @type {string} */ relative) => path.join(root, relative),
});

// `require('vscode')` in the bundle gets the stub: resolve the id to a file name that is already in the cache.
const stubFile = path.join(root, 'node_modules', 'vscode-stub-for-bench.js');
const internals = /** @type {{ _resolveFilename: (request: string, ...rest: unknown[]) => string }} */ (/** @type {unknown} */ (Module));
const resolveFilename = internals._resolveFilename;
/** @this {unknown} @param {string} request @param {unknown[]} rest */
internals._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stubFile : resolveFilename.call(this, request, ...rest);
};
const require = createRequire(import.meta.url);
const stubModule = new Module(stubFile);
stubModule.filename = stubFile;
stubModule.loaded = true;
stubModule.exports = vscode;
require.cache[stubFile] = stubModule;

const loadStart = performance.now();
const extension = /** @type {{ activate(context: unknown): unknown }} */ (require(bundle));
const activateStart = performance.now();
await extension.activate(context);
const activateEnd = performance.now();
const activationCalls = Object.fromEntries(calls);

// Then the first use of a feature loaded on demand (src/extension/on-demand.ts): its bundle
// is loaded and the features started, as load-on-demand.ts does.
const onDemand = path.join(path.dirname(bundle), 'on-demand.js');
const firstUseStart = performance.now();
const features = /** @type {{ useLanguage(language: string, bundle: unknown): void, startFeatures(context: unknown, log: unknown): unknown }} */ (require(onDemand));
features.useLanguage('en', undefined);
features.startFeatures(context, standIn('log'));
const firstUseEnd = performance.now();

process.stdout.write(
  JSON.stringify({
    loadMs: activateStart - loadStart,
    activateMs: activateEnd - activateStart,
    firstUseMs: firstUseEnd - firstUseStart,
    subscriptions: subscriptions.length,
    calls: activationCalls,
  }),
);
// Timers or handles activation left (debounces, a worker) must not keep the child alive.
process.exit(0);
