// Builds the extension and CLI bundles, and (with --tests) transpiles sources and tests to out/.
// Flags: --watch, --production, --tests, --generate-only.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBuiltins } from './generate-builtins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

function walk(dir, filter, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) {
      if (name === 'node_modules' || name === 'fixtures' || name === 'workspace' || name.startsWith('.')) continue;
      walk(full, filter, out);
    } else if (filter(full)) out.push(full);
  }
  return out;
}

generateBuiltins(root);
if (args.has('--generate-only')) process.exit(0);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __TOOL_VERSION__: JSON.stringify(pkg.version) },
  // jsonc-parser's UMD entry loads its parts with a dynamic require that bundles cannot follow.
  mainFields: ['module', 'main'],
};
const bundles = [
  { ...common, entryPoints: [join(root, 'src/extension/extension.ts')], outfile: join(root, 'dist/extension.js'), external: ['vscode'] },
  { ...common, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' } },
];
if (existsSync(join(root, 'src/extension/scan-worker.ts'))) {
  bundles.push({ ...common, entryPoints: [join(root, 'src/extension/scan-worker.ts')], outfile: join(root, 'dist/scan-worker.js') });
}

if (args.has('--watch')) {
  for (const options of bundles) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('[watch] watching src/ for changes');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}

if (args.has('--tests')) {
  const sources = [
    ...walk(join(root, 'src'), (f) => f.endsWith('.ts')),
    ...walk(join(root, 'test'), (f) => f.endsWith('.ts')),
    ...walk(join(root, 'bench'), (f) => f.endsWith('.ts')),
  ];
  await esbuild.build({
    entryPoints: sources,
    outdir: join(root, 'out'),
    outbase: root,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: true,
    logLevel: 'warning',
    define: { __TOOL_VERSION__: JSON.stringify(pkg.version) },
  });
  // The benchmarks measure the engine bundled as it ships (see bench/engine.ts).
  await esbuild.build({ ...common, entryPoints: [join(root, 'bench/engine.ts')], outfile: join(root, 'out/bench/engine-bundle.js') });
  mkdirSync(join(root, 'out'), { recursive: true });
  writeFileSync(join(root, 'out/.built'), `${sources.length} files\n`);
  if (!args.has('--quiet')) console.log(`[build] transpiled ${sources.length} files to ${relative(root, join(root, 'out'))}/`);
}
