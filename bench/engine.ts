/**
 * What the benchmarks run: the engine as the CLI, the extension and its scan worker ship it, one
 * esbuild bundle with the same options as theirs (`scripts/build.mjs` writes it to
 * out/bench/engine-bundle.js with --tests). The per-file modules under out/ that the unit tests
 * load call across modules through export getters and keep V8 from inlining across files: the
 * generated scan took 8% more CPU that way (docs/benchmarks.md, seventh round). Not what users run.
 */
export { createEngine } from '../src/core/engine/engine';
export { NodeFileHost, directoryEntries } from '../src/cli/node-host';
export { parseProperties, parseDotenv, parseMosquittoConf } from '../src/core/appconfig/index';
