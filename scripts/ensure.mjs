// @ts-check
// Installs what the build and the tests need and is missing: npm packages (from the lock
// file) and, as root, the Debian packages for the real-VS-Code tests.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export const DEBIAN_PACKAGES = [
  { name: 'chromium', provides: '/usr/bin/chromium' },
  { name: 'ripgrep', provides: '/usr/bin/rg' },
  { name: 'libkrb5-dev', provides: '/usr/include/krb5.h' },
  // Chinese glyphs for the zh-cn journey's screenshots (Chromium draws boxes without them).
  { name: 'fonts-wqy-microhei', provides: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' },
];

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function run(command, args, options = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

export function ensureNpmPackages() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
  if (stale) run('npm', ['ci', '--no-audit', '--no-fund']);
}

export function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !existsSync(p.provides)).map((p) => p.name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
