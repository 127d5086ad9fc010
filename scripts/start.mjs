// @ts-check
// `npm start`: installs what is missing, builds and packages the extension, then serves a
// real VS Code (code-server) on 127.0.0.1 with VTopo installed and examples/ open.
// Port: VTOPO_PORT (default 8080). Stop with Ctrl+C.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureDebianPackages, ensureNpmPackages } from './ensure.mjs';

ensureNpmPackages();
ensureDebianPackages();
const packaged = spawnSync(process.execPath, ['scripts/package.mjs'], { stdio: 'inherit' });
if (packaged.status !== 0) process.exit(packaged.status ?? 1);

const { ensureCodeServer, installExtension, startCodeServer } = await import('./code-server.mjs');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const stateDir = resolve('.vscode-test/start');
const extensionsDir = resolve(stateDir, 'extensions');
const userDataDir = resolve(stateDir, 'user-data');
mkdirSync(extensionsDir, { recursive: true });

await ensureCodeServer();
await installExtension(resolve(`vtopo-${version}.vsix`), extensionsDir);
const server = await startCodeServer({
  workspace: resolve('examples'),
  extensionsDir,
  userDataDir,
  port: Number(process.env.VTOPO_PORT ?? 8080),
});
console.log(`\nVTopo is running in VS Code at ${server.url}\nOpen it in a browser; press Ctrl+C to stop.`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
