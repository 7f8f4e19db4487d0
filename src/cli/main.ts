/** Entry point of `enisa-health-lint` (bundled to dist/cli.js). */
import { builtinCatalog } from '../core/catalog';
import { createEngine } from '../core/engine/engine';
import { runCli } from './run-cli';

const dependencies = { createEngine, catalog: builtinCatalog };

// A reader that stops early (`| head`) closes the pipe; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
  stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
}, dependencies).then(
  (code) => {
    // Let pending stdout writes drain (a large report into a pipe) instead of calling process.exit.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`enisa-health-lint: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
