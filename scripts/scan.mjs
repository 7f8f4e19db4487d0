// `npm run scan [-- ARGS]`: runs `enisa-health-lint scan` from dist/cli.js, building it first when
// it is missing or older than its sources. Without arguments it scans samples/health-cloud with
// `--fail-on never`: the sample is full of deliberate mistakes, and `npm ci && npm run scan` (the
// README's first command) should show them and still succeed. With arguments, they are passed on
// unchanged and the CLI's exit code is returned as is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli.js');

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'generated') continue;
    newest = Math.max(newest, newestModification(join(path, name)));
  }
  return newest;
}

function needsBuild() {
  if (!existsSync(cli)) return true;
  const built = statSync(cli).mtimeMs;
  const sources = ['src', 'rules', 'package.json'].map((p) => newestModification(join(root, p)));
  return Math.max(...sources) > built;
}

if (needsBuild()) {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('scan: the build failed; see the errors above.');
    process.exit(build.status ?? 2);
  }
}

const userArgs = process.argv.slice(2);
const sample = relative(process.cwd(), join(root, 'samples/health-cloud')) || '.';
const args = userArgs.length > 0 ? userArgs : [sample, '--fail-on', 'never'];
const run = spawnSync(process.execPath, [cli, 'scan', ...args], { stdio: 'inherit' });
if (run.error) {
  console.error(`scan: could not start ${cli}: ${run.error.message}`);
  process.exit(2);
}
process.exit(run.status ?? 2);
