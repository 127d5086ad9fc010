// The `vtopo` executable (bundled to dist/cli/vtopo.js with a shebang): wires runCli to the process.
import { nodeFileSystem } from './io';
import { runCli } from './main';

// `vtopo check … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  files: nodeFileSystem(process.cwd()),
  env: process.env,
}).then((exitCode) => {
  process.exitCode = exitCode;
});
