// @ts-check
// Builds minified bundles and packages the extension as vtopo-<version>.vsix, offline.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `vtopo-${version}.vsix`;

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.status !== 0) {
    console.error(`package: ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

run(process.execPath, ['scripts/build.mjs', '--production']);
run(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
console.log(`package: wrote ${out}`);
