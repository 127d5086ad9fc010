#!/usr/bin/env node
// @ts-check
// Real VS Code (code-server) for tests: install, start, install extensions.
//
//   node scripts/code-server.mjs install                 # install/verify only
//   node scripts/code-server.mjs serve [folder] [--port N] [--vsix file.vsix]
//                                                        # serve a workbench by hand
//
// Library use:
//   const { ensureCodeServer, startCodeServer, installExtension } = await import('./code-server.mjs');
//
// Installs npm `code-server@4.100.3` (VS Code 1.100.3) with --ignore-scripts into
// .vscode-test/code-server-4.100.3/ and prepares it by hand (native module rebuilds,
// Debian ripgrep, built-in extension deps). Each step leaves a marker file so a
// rerun after a failure resumes where it stopped, and a finished install is a no-op.
// Needs: npm registry access, a C++ toolchain, Debian packages libkrb5-dev + ripgrep.
import crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..');
export const CACHE_DIR = path.resolve(
  process.env.VTOPO_CODE_SERVER_DIR ?? path.join(REPO_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`),
);
export const CODE_SERVER_ROOT = path.join(CACHE_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(CODE_SERVER_ROOT, 'lib', 'vscode');
const ENTRY = path.join(CODE_SERVER_ROOT, 'out', 'node', 'entry.js');
const COMPLETE_MARKER = path.join(CACHE_DIR, '.install-complete');
const INSTALL_LOG = path.join(CACHE_DIR, 'install.log');
const RG = process.env.VTOPO_RG ?? '/usr/bin/rg';

/** @param {string} msg */
function log(msg) {
  process.stderr.write(`[code-server] ${msg}\n`);
}

class InstallError extends Error {}

/**
 * Run a command, appending its output to install.log; throws a readable error on failure.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
 */
async function run(cmd, args, { cwd, timeoutMs = 15 * 60_000, env } = {}) {
  const header = `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`;
  await fsp.appendFile(INSTALL_LOG, header);
  const out = fs.openSync(INSTALL_LOG, 'a');
  try {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, npm_config_yes: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
      stdio: ['ignore', out, out],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const [code, signal] = await once(child, 'exit').finally(() => clearTimeout(timer));
    if (code !== 0) {
      const tail = fs.readFileSync(INSTALL_LOG, 'utf8').split('\n').slice(-40).join('\n');
      throw new InstallError(
        `command failed (${signal ? `signal ${signal}${signal === 'SIGKILL' ? ', timed out?' : ''}` : `exit ${code}`}): ${cmd} ${args.join(' ')}\n` +
          `  in ${cwd}\n  full log: ${INSTALL_LOG}\n--- last lines ---\n${tail}`,
      );
    }
  } finally {
    fs.closeSync(out);
  }
}

/**
 * @param {string} target
 * @param {string} linkPath
 */
function symlinkForce(target, linkPath) {
  fs.mkdirSync(path.dirname(linkPath), { recursive: true });
  try {
    fs.rmSync(linkPath, { force: true, recursive: true });
  } catch {
    /* ignore */
  }
  fs.symlinkSync(target, linkPath);
}

const STEPS = [
  {
    name: 'npm-install-code-server',
    title: `npm install code-server@${CODE_SERVER_VERSION} --ignore-scripts`,
    async run() {
      fs.writeFileSync(
        path.join(CACHE_DIR, 'package.json'),
        JSON.stringify({ name: 'vtopo-code-server-cache', private: true }, null, 2) + '\n',
      );
      await run('npm', ['install', '--no-save', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: CACHE_DIR });
      if (!fs.existsSync(ENTRY)) throw new InstallError(`code-server installed but ${ENTRY} is missing`);
    },
  },
  {
    name: 'npm-install-vscode',
    title: 'npm install --omit=dev in lib/vscode',
    async run() {
      await run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-save'], { cwd: VSCODE_DIR });
    },
  },
  {
    name: 'rebuild-vscode-natives',
    title: 'rebuild native modules of lib/vscode (kerberos, node-pty, watcher, spdlog, ...)',
    async run() {
      const missing = ['make', 'g++', 'python3'].filter((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status !== 0);
      if (spawnSync('sh', ['-c', 'command -v krb5-config']).status !== 0) missing.push('krb5-config (Debian libkrb5-dev)');
      if (missing.length) {
        throw new InstallError(`native rebuild needs: ${missing.join(', ')}; on Debian: apt-get install -y build-essential python3 libkrb5-dev`);
      }
      await run('npm', ['rebuild', 'kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid'], { cwd: VSCODE_DIR });
    },
  },
  {
    name: 'rebuild-argon2',
    title: 'rebuild argon2',
    async run() {
      await run('npm', ['rebuild', 'argon2'], { cwd: CACHE_DIR });
    },
  },
  {
    name: 'link-ripgrep',
    title: `link ${RG} into @vscode/ripgrep, node_modules.asar -> node_modules`,
    async run() {
      if (!fs.existsSync(RG)) {
        throw new InstallError(`ripgrep not found at ${RG}; install it with: apt-get install -y ripgrep (or set VTOPO_RG)`);
      }
      symlinkForce(RG, path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
      symlinkForce('node_modules', path.join(VSCODE_DIR, 'node_modules.asar'));
    },
  },
  {
    name: 'npm-install-builtin-extensions',
    title: 'npm install --omit=dev in lib/vscode/extensions',
    async run() {
      await run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-save'], { cwd: path.join(VSCODE_DIR, 'extensions') });
    },
  },
  {
    name: 'smoke',
    title: 'smoke check: code-server --version',
    async run() {
      const r = spawnSync(process.execPath, [ENTRY, '--version'], { encoding: 'utf8', timeout: 60_000 });
      if (r.status !== 0 || !r.stdout.includes(CODE_SERVER_VERSION)) {
        throw new InstallError(`code-server --version failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
      }
    },
  },
];

/** @typedef {{ root: string, entry: string, version: string, vscodeVersion: string }} CodeServerInstall */

/** @type {Promise<CodeServerInstall> | undefined} */
let ensurePromise;
/**
 * Install code-server into the cache dir if not done yet. Idempotent; a finished
 * install returns immediately. Returns { root, entry, version }.
 * @returns {Promise<CodeServerInstall>}
 */
export function ensureCodeServer() {
  ensurePromise ??= ensureCodeServerImpl().catch((err) => {
    ensurePromise = undefined;
    if (err instanceof InstallError) {
      err.message = `code-server install failed: ${err.message}\n(fix the cause and rerun; finished steps are skipped. To start over: rm -rf ${CACHE_DIR})`;
    }
    throw err;
  });
  return ensurePromise;
}

/** @returns {Promise<CodeServerInstall>} */
async function ensureCodeServerImpl() {
  const result = { root: CODE_SERVER_ROOT, entry: ENTRY, version: CODE_SERVER_VERSION, vscodeVersion: VSCODE_VERSION };
  if (fs.existsSync(COMPLETE_MARKER) && fs.existsSync(ENTRY)) return result;
  const started = Date.now();
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), CACHE_DIR) || CACHE_DIR} (log: ${INSTALL_LOG})`);
  for (const [i, step] of STEPS.entries()) {
    const marker = path.join(CACHE_DIR, `.step-${step.name}.done`);
    const prefix = `step ${i + 1}/${STEPS.length}: ${step.title}`;
    if (fs.existsSync(marker)) {
      log(`${prefix} (already done)`);
      continue;
    }
    const t0 = Date.now();
    log(`${prefix} ...`);
    await step.run();
    fs.writeFileSync(marker, new Date().toISOString() + '\n');
    log(`${prefix} done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
  fs.writeFileSync(COMPLETE_MARKER, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }) + '\n');
  log(`code-server ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return result;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  // Listening on a TCP port (not a pipe): the address is an AddressInfo.
  const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
  srv.close();
  await once(srv, 'close');
  return port;
}

/** User settings that keep the workbench quiet and deterministic for tests. */
export const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.welcomePage.extraAnnouncements': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'workbench.editor.enablePreview': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'telemetry.enableTelemetry': false,
  'telemetry.enableCrashReporter': false,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': true,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'extensions.showRecommendationsOnlyOnDemand': true,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'git.openRepositoryInParentFolders': 'never',
  'github.gitAuthentication': false,
  'editor.accessibilitySupport': 'off',
  'accessibility.signals.sounds.volume': 0,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'notebook.experimental.generate': false,
  'terminal.integrated.enablePersistentSessions': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'typescript.surveys.enabled': false,
  'merge-conflict.autoNavigateNextConflict.enabled': false,
  'problems.defaultViewMode': 'tree',
  // Typed text lands verbatim (UI journeys type into editors).
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoSurround': 'never',
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.formatOnType': false,
  'editor.minimap.enabled': false,
};

/**
 * Write (merge) settings.json into <userDataDir>/User/.
 * @param {string} userDataDir
 * @param {Record<string, unknown>} [extra]
 */
export function writeUserSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing = {};
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* missing or not plain JSON: overwrite */
  }
  fs.writeFileSync(file, JSON.stringify({ ...existing, ...TEST_SETTINGS, ...extra }, null, 2) + '\n');
  return file;
}

/** @param {{ extensionsDir: string, userDataDir: string }} dirs */
function baseArgs({ extensionsDir, userDataDir }) {
  return ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
}

/**
 * @param {string[]} args
 * @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
 */
function runCli(args, { timeoutMs = 120_000, env } = {}) {
  const r = spawnSync(process.execPath, [ENTRY, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) {
    throw new Error(
      `code-server ${args.join(' ')} failed (status ${r.status}${r.signal ? `, signal ${r.signal}` : ''}${r.error ? `, ${r.error.message}` : ''})\n${r.stdout}\n${r.stderr}`,
    );
  }
  return r.stdout + r.stderr;
}

/**
 * Install a .vsix (or a gallery-less extension folder, see installExtensionFolder)
 * into extensionsDir with code-server's own CLI.
 * @param {string} vsixPath
 * @param {string} extensionsDir
 * @param {{ userDataDir?: string }} [options]
 */
export async function installExtension(vsixPath, extensionsDir, { userDataDir } = {}) {
  await ensureCodeServer();
  fs.mkdirSync(extensionsDir, { recursive: true });
  const tmpUserData = userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vtopo-cs-install-'));
  try {
    const out = runCli([...baseArgs({ extensionsDir, userDataDir: tmpUserData }), '--install-extension', path.resolve(vsixPath), '--force']);
    if (!/successfully installed|was successfully|already installed/i.test(out)) {
      throw new Error(`installing ${vsixPath} did not report success:\n${out}`);
    }
    return out.trim();
  } finally {
    if (!userDataDir) fs.rmSync(tmpUserData, { recursive: true, force: true });
  }
}

/**
 * Install an unpacked extension folder (with package.json) by packaging it to a
 * vsix with vsce first; the folder must contain everything it needs at runtime.
 * @param {string} folder
 * @param {string} extensionsDir
 */
export async function installExtensionFolder(folder, extensionsDir) {
  const vsix = packageExtensionFolder(folder);
  try {
    return await installExtension(vsix, extensionsDir);
  } finally {
    fs.rmSync(path.dirname(vsix), { recursive: true, force: true });
  }
}

/**
 * Package an extension folder to a temporary vsix with vsce; returns its path.
 * @param {string} folder
 */
export function packageExtensionFolder(folder) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vtopo-vsix-'));
  const pkg = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const vsix = path.join(outDir, `${pkg.name}-${pkg.version}.vsix`);
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-update-package-json', '--no-git-tag-version', '--out', vsix],
    { cwd: folder, encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`vsce package failed in ${folder} (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return vsix;
}

/**
 * Tell the server which language packs are installed, as VS Code does after installing
 * one through its UI: userDataDir/languagepacks.json, read when the server resolves the
 * display language (`--locale`). An extension installed with the CLI (`--install-extension`)
 * is not added to it, and without it the display language falls back to English.
 * @param {string} userDataDir
 * @param {string} extensionsDir
 * @param {string} locale
 */
function declareLanguagePack(userDataDir, extensionsDir, locale) {
  /** @type {Record<string, unknown>} */
  const packs = {};
  for (const folder of fs.readdirSync(extensionsDir)) {
    const manifestPath = path.join(extensionsDir, folder, 'package.json');
    if (!fs.existsSync(manifestPath)) continue;
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    for (const localization of manifest.contributes?.localizations ?? []) {
      if (localization.languageId !== locale) continue;
      const id = `${manifest.publisher}.${manifest.name}`;
      packs[locale] = {
        hash: crypto.createHash('md5').update(id).update(manifest.version).digest('hex'),
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations: Object.fromEntries(localization.translations.map((/** @type {{ id: string, path: string }} */ t) => [t.id, path.join(extensionsDir, folder, t.path)])),
        label: localization.localizedLanguageName ?? localization.languageName,
      };
    }
  }
  if (!packs[locale]) throw new Error(`no language pack for ${locale} in ${extensionsDir}`);
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/**
 * @param {string} url
 * @param {{ timeoutMs: number, child: import('node:child_process').ChildProcess, output: () => string }} options
 */
async function waitForHttp(url, { timeoutMs, child, output }) {
  const deadline = Date.now() + timeoutMs;
  /** @type {Error | undefined} */
  let lastErr;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode}):\n${output()}`);
    }
    try {
      const res = await globalThis.fetch(url, { signal: globalThis.AbortSignal.timeout(2_000), redirect: 'manual' });
      if (res.status < 500) {
        await res.arrayBuffer().catch(() => {});
        return;
      }
      lastErr = new Error(`HTTP ${res.status}`);
    } catch (err) {
      lastErr = /** @type {Error} */ (err); // fetch rejects with a TypeError or the timeout's DOMException
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms (${lastErr?.message ?? 'no response'}):\n${output()}`);
}

/** @typedef {Awaited<ReturnType<typeof startCodeServer>>} CodeServer A running code-server. */

/**
 * @typedef {object} StartOptions
 * @property {string} [workspace] folder to open
 * @property {string} [extensionsDir] default: a new temporary directory
 * @property {string} [userDataDir] default: a new temporary directory
 * @property {NodeJS.ProcessEnv} [env] added to the server's environment
 * @property {number} [port] default: a free port
 * @property {Record<string, unknown>} [settings] user settings besides TEST_SETTINGS
 * @property {string[]} [extraArgs] more code-server arguments
 * @property {number} [timeoutMs] how long to wait for the server to answer
 * @property {string} [logFile] where to write the server's output
 * @property {string} [locale] display language (`zh-cn`): a language pack for it must be
 *   installed in extensionsDir (test/e2e/fixtures/language-pack-<locale>)
 */

/**
 * Start code-server serving `workspace`. Returns { url, port, process, logs(), stop() }.
 * `url` opens the workbench with the folder. env is added to the server's env (and
 * thus the extension host's). Settings that quiet the workbench are written into
 * userDataDir/User/settings.json (pass `settings` to add more).
 * @param {StartOptions} [options]
 */
export async function startCodeServer({
  workspace,
  extensionsDir,
  userDataDir,
  env = {},
  port,
  settings = {},
  extraArgs = [],
  timeoutMs = 60_000,
  logFile,
  locale,
} = {}) {
  await ensureCodeServer();
  userDataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'vtopo-cs-user-'));
  extensionsDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'vtopo-cs-ext-'));
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, settings);
  if (locale) declareLanguagePack(userDataDir, extensionsDir, locale);
  port ??= await freePort();
  const args = [
    ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    ...baseArgs({ extensionsDir, userDataDir }),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    ...(locale ? ['--locale', locale] : []),
    ...extraArgs,
  ];
  if (workspace) args.push(path.resolve(workspace));
  let buf = '';
  const logStream = logFile ? fs.createWriteStream(logFile) : undefined;
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: stop() kills extension host & friends too
  });
  /** @param {Buffer} d */
  const onData = (d) => {
    buf = (buf + d.toString()).slice(-20_000);
    logStream?.write(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const output = () => buf;

  /** @type {Promise<void> | undefined} */
  let stopped;
  const stop = async () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
        const t = setTimeout(() => {
          try {
            if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 5_000);
        await exited;
        clearTimeout(t);
      }
      // Leftover children in the group (extension host, pty host, file watcher).
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* none left */
      }
      logStream?.end();
    })();
    return stopped;
  };
  // Never leave a server behind if the test process dies.
  const onExit = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.once('exit', onExit);

  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/healthz`, { timeoutMs, child, output });
  } catch (err) {
    await stop();
    throw err;
  }
  const url = workspace ? `${base}/?folder=${encodeURIComponent(path.resolve(workspace))}` : `${base}/`;
  return {
    url,
    baseUrl: base,
    port,
    process: child,
    userDataDir,
    extensionsDir,
    logs: output,
    stop: async () => {
      process.removeListener('exit', onExit);
      await stop();
    },
  };
}

// ---- CLI -------------------------------------------------------------------------
/** @param {string[]} argv */
async function main(argv) {
  const [cmd = 'install', ...rest] = argv;
  if (cmd === 'install') {
    const t0 = Date.now();
    const r = await ensureCodeServer();
    log(`ok: code-server ${r.version} (VS Code ${r.vscodeVersion}) at ${r.root} [${((Date.now() - t0) / 1000).toFixed(1)}s]`);
    return;
  }
  if (cmd === 'serve') {
    let port;
    let folder;
    /** @type {string[]} */
    const vsixes = [];
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--port') port = Number(rest[++i]);
      else if (rest[i] === '--vsix') {
        const vsix = rest[++i];
        if (vsix === undefined) throw new Error('--vsix needs a file name');
        vsixes.push(vsix);
      } else folder = rest[i];
    }
    const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vtopo-cs-ext-'));
    for (const v of vsixes) log(await installExtension(v, extensionsDir));
    const server = await startCodeServer({ workspace: folder, port, extensionsDir });
    log(`serving ${server.url}  (Ctrl+C to stop)`);
    const shutdown = async () => {
      await server.stop();
      process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    return;
  }
  console.error('usage: node scripts/code-server.mjs install | serve [folder] [--port N] [--vsix file.vsix]');
  process.exit(2);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`\n[code-server] ERROR: ${err.message}`);
    process.exit(1);
  });
}
