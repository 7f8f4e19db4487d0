#!/usr/bin/env node
// One benchmark measurement in a fresh process, so its peak memory (the process's maximum resident
// set) and its timings belong to it alone. Prints one JSON line; `bench/run.mjs` starts these.
//   node bench/phase.mjs scan <dir>        whole engine over every lintable file, read from disk
//   node bench/phase.mjs parse <dir>       parse only: yaml library, tree-sitter-hcl, flat formats
//   node bench/phase.mjs scan <dir> [--no-fixes] [--again]  whole engine scan (--no-fixes: as the CLI's text report runs it;
//                                          --again: then a second scan in the same process, V8's compiled code kept)
//   node bench/phase.mjs parse <dir> --again  the same for parse-only
//   node bench/phase.mjs latency tf|k8s N  edit-to-diagnostics on a 2,000-line file: the first edits
//                                          (cold), then N edits once the engine's code is compiled
//   node bench/phase.mjs latency tf-corpus|k8s-corpus N <corpus>  the same on corpus files joined to ~2,000 lines
//   add -spread to a latency kind (tf-spread, k8s-corpus-spread, ...) to flip booleans anywhere in the file
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
/** The engine bundled as the CLI and the extension ship it (bench/engine.ts). */
const bundled = () => require(join(root, 'out/bench/engine-bundle.js'));

/** The names the CLI walks (its walker skips node_modules, .git and .terraform the same way). */
const LINTED = /\.(tf|tfvars|ya?ml|json|properties|conf|env)$/i;
const SKIPPED = new Set(['node_modules', '.git', '.terraform']);

/** `onListing` sees each folder's whole listing, as the CLI's walk hands it to its file host. */
export function listLintable(dir, found = [], onListing = undefined) {
  const entries = readdirSync(dir, { withFileTypes: true });
  onListing?.(dir, entries);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name);
    if (entry.isSymbolicLink() ? statSync(full).isDirectory() : entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) listLintable(full, found, onListing);
    } else if (LINTED.test(entry.name)) found.push(full);
  }
  return found;
}

function cpuMs(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Heap in use without the cost of process.memoryUsage(), which reads the resident set from the OS. */
function heapUsed() {
  return getHeapStatistics().used_heap_size;
}

function peakMiB() {
  return process.resourceUsage().maxRSS / 1024;
}

/** `measured` (whose memory figures are read already) with the times of running `once` again. */
async function withSecondPass(measured, once) {
  const second = await once();
  return { ...measured, warmWallMs: second.wallMs, warmCpuMs: second.cpuMs };
}

/**
 * With `again`, the same files are scanned a second time in the same process by a new engine:
 * V8 has compiled the engine's code by then, so the difference from the first scan is what
 * compiling it cost the first (the CLI and the scan worker always run the first kind).
 */
async function scan(dir, fixes = true, again = false) {
  const { createEngine, NodeFileHost, directoryEntries } = bundled();
  const host = new NodeFileHost('/');
  // As the CLI does: the walk's listings answer the engine's questions about folders.
  const files = listLintable(resolve(dir), [], (folder, entries) => host.rememberListing(folder, directoryEntries(entries))).map((p) => p.split('\\').join('/'));
  const bytes = files.reduce((sum, p) => sum + statSync(p).size, 0);
  let peakHeap = 0;
  const once = async () => {
    const engine = createEngine({ host });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await engine.lint(files, {
      fixes,
      onProgress: (done) => {
        if (done % 16 === 0) peakHeap = Math.max(peakHeap, heapUsed());
      },
    });
    return { wallMs: performance.now() - started, cpuMs: cpuMs(cpu), findings: result.findings.length, internalErrors: result.internalErrors.length };
  };
  const measured = { files: files.length, bytes, ...(await once()), peakHeapMiB: peakHeap / 2 ** 20, peakRssMiB: peakMiB() };
  return again ? withSecondPass(measured, once) : measured;
}

async function parse(dir, again = false) {
  const { parseAllDocuments } = require('yaml');
  const { Parser, Language } = require('web-tree-sitter');
  const { parseProperties, parseDotenv, parseMosquittoConf } = bundled();
  await Parser.init();
  const hcl = new Parser();
  hcl.setLanguage(await Language.load(join(root, 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm')));
  const files = listLintable(resolve(dir));
  const bytes = files.reduce((sum, p) => sum + statSync(p).size, 0);
  let peakHeap = 0;
  const once = () => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    // Reading is part of the cost on both sides: the engine reads every file through its host too.
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      if (/\.(tf|tfvars)$/i.test(path)) hcl.parse(text).delete();
      else if (/\.(ya?ml|json)$/i.test(path)) parseAllDocuments(text);
      else if (/\.properties$/i.test(path)) parseProperties(text);
      else if (/\.env$/i.test(path)) parseDotenv(text);
      else parseMosquittoConf(text);
      peakHeap = Math.max(peakHeap, heapUsed());
    }
    return { wallMs: performance.now() - started, cpuMs: cpuMs(cpu) };
  };
  const measured = { files: files.length, bytes, ...once(), peakHeapMiB: peakHeap / 2 ** 20, peakRssMiB: peakMiB() };
  return again ? withSecondPass(measured, once) : measured;
}

function terraformFile(lines) {
  const text = ['variable "encrypted" {', '  default = true', '}', ''];
  for (let i = 0; text.length < lines; i++) {
    text.push(
      `resource "aws_db_instance" "db_${i}" {`,
      '  engine              = "postgres"',
      '  instance_class      = "db.t3.micro"',
      '  storage_encrypted   = var.encrypted',
      '  publicly_accessible = false',
      '  deletion_protection = true',
      `  tags = { service = "ehr-${i}", data-classification = "phi" }`,
      '}',
      '',
      `resource "aws_s3_bucket" "b_${i}" {`,
      `  bucket = "ehr-${i}"`,
      '}',
      '',
    );
  }
  return text.slice(0, lines).join('\n');
}

function kubernetesFile(lines) {
  const text = [];
  for (let i = 0; text.length < lines; i++) {
    text.push(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: api-${i}`,
      'spec:',
      '  replicas: 2',
      '  template:',
      '    spec:',
      '      containers:',
      `        - name: api-${i}`,
      '          image: registry.example.eu/api:1.0',
      '          securityContext:',
      '            privileged: false',
      '            allowPrivilegeEscalation: false',
      '          resources:',
      '            requests: { cpu: 100m, memory: 128Mi }',
    );
  }
  return text.slice(0, lines).join('\n');
}

/** Files of the shared corpus under `sub`, sorted, whose text passes `keep`, joined until `lines` lines. */
function corpusFile(dir, sub, lines, keep, separator) {
  const parts = [];
  let count = 0;
  for (const path of listLintable(join(resolve(dir), sub))) {
    const text = readFileSync(path, 'utf8').replace(/\r\n/g, '\n').trimEnd();
    if (!keep(path, text)) continue;
    parts.push(text);
    count += text.split('\n').length + 1;
    if (count >= lines) break;
  }
  return parts.join(separator);
}

/** Real Terraform (whole files with resources, as written in the corpus modules), ~2,000 lines. */
function corpusTerraformFile(dir, lines) {
  return corpusFile(dir, 'terraform', lines, (path, text) => path.endsWith('.tf') && /^resource "/m.test(text) && text.split('\n').length < 400, '\n\n');
}

/** Real Kubernetes manifests (no Helm templates), one YAML stream of ~2,000 lines. */
function corpusKubernetesFile(dir, lines) {
  const manifest = (path, text) => /\.ya?ml$/.test(path) && /^kind: /m.test(text) && /^apiVersion: /m.test(text) && !text.includes('{{') && text.split('\n').length < 300;
  return corpusFile(dir, 'kubernetes', lines, manifest, '\n---\n');
}

/**
 * Toggles the boolean written nearest the middle of the file (`= true`, `: false`), as a user
 * flipping a setting does; each edit alternates between the flipped and the original value.
 */
function middleToggle(text, pattern) {
  const middle = text.length / 2;
  let best;
  for (const match of text.matchAll(pattern)) {
    if (!best || Math.abs(match.index - middle) < Math.abs(best.index - middle)) best = match;
  }
  if (!best) throw new Error('no boolean value to edit in the corpus file');
  const at = best.index + best[0].lastIndexOf(best[1]);
  const flipped = best[1] === 'true' ? 'false' : 'true';
  return (t, i) => (i % 2 === 0 ? t.slice(0, at) + flipped + t.slice(at + best[1].length) : t);
}

/**
 * Edits that each flip one boolean picked at random (seeded) anywhere in the file, applied one
 * after the other, as a user working through a file does; `edit(_, i)` is the text after edit i.
 */
function randomToggles(text, pattern) {
  let seed = 20261129;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const texts = [];
  let current = text;
  return (_, i) => {
    while (texts.length <= i) {
      const matches = [...current.matchAll(pattern)];
      if (matches.length === 0) throw new Error('no boolean value to edit');
      const match = matches[Math.floor(random() * matches.length)];
      const at = match.index + match[0].lastIndexOf(match[1]);
      current = current.slice(0, at) + (match[1] === 'true' ? 'false' : 'true') + current.slice(at + match[1].length);
      texts.push(current);
    }
    return texts[i];
  };
}

/** A host over one in-memory file, as the editor's buffers are. */
function singleFileHost(path, text) {
  const dir = path.slice(0, path.lastIndexOf('/'));
  return {
    readFile: async (p) => (p === path ? text : undefined),
    readDirectory: async (p) => (p === dir ? [{ name: path.slice(dir.length + 1), type: 'file' }] : undefined),
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

/**
 * Garbage-collection pauses during the timed lints (`perf_hooks` reports each with its start and
 * duration): how many lints had one, the average pause per lint, and the lint times without them,
 * which tell a slow lint's own work from the collection that happened to fall in it.
 */
function watchCollections() {
  const pauses = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push([entry.startTime, entry.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async within(spans) {
      // Entries are delivered asynchronously: let the last ones arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      const perLint = spans.map(([start, end]) => pauses.filter(([at]) => at >= start && at < end).reduce((sum, [, duration]) => sum + duration, 0));
      const work = spans.map(([start, end], i) => end - start - perLint[i]).sort((a, b) => a - b);
      return {
        lintsWithCollectionShare: perLint.filter((ms) => ms > 0).length / spans.length,
        gcMsPerLint: perLint.reduce((a, b) => a + b, 0) / spans.length,
        withoutGcMedianMs: percentile(work, 0.5),
        withoutGcP95Ms: percentile(work, 0.95),
      };
    },
  };
}

/** Edits `from` .. `from + count - 1`, each timed (wall and CPU) as the extension would wait for it. */
async function timeEdits(engine, path, text, edit, from, count) {
  const wall = [];
  const cpu = [];
  const spans = [];
  const reuse = { reused: 0, total: 0 };
  for (let i = from; i < from + count; i++) {
    // Each edit follows the one before.
    const overlays = new Map([[path, edit(text, i)]]);
    const since = process.cpuUsage();
    const started = performance.now();
    await engine.lint([path], { overlays });
    const ended = performance.now();
    wall.push(ended - started);
    spans.push([started, ended]);
    cpu.push(cpuMs(since));
    reuse.reused += engine.lastReuse?.reused ?? 0;
    reuse.total += engine.lastReuse?.total ?? 0;
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { wall, cpu, spans, reuse };
}

/**
 * Edits in a fresh process whose engine code V8 has not compiled yet: the first minute in a new
 * window. The long-lived extension host keeps the code it compiled while it is used.
 */
const COLD_EDITS = 25;
/** Edits before the steady state is measured (cold ones included): V8 has compiled the editing path by then. */
const WARM_UP_EDITS = 100;

/**
 * The extension's path after a keystroke: the same engine as before (its parse cache warm), the
 * whole edited buffer as an overlay, every rule on the file (for Terraform, on its module). Timed
 * twice: the first edits after the file is opened in a fresh process (cold), and `edits` edits
 * once the engine's code is compiled (steady state, with its garbage-collection pauses).
 */
async function latency(requested, edits, corpus) {
  const { createEngine } = bundled();
  // `<kind>-spread`: the same file, each edit flipping a boolean picked at random anywhere in it.
  const spread = requested.endsWith('-spread');
  const kind = spread ? requested.slice(0, -'-spread'.length) : requested;
  const fromCorpus = (file, makeText, pattern) => {
    const text = makeText(corpus, 2000);
    return [file, text, middleToggle(text, pattern), pattern];
  };
  const TF_BOOLEAN = /=\s*(true|false)\b/g;
  const K8S_BOOLEAN = /:\s*(true|false)\s*$/gm;
  const [path, text, firstBlockEdit, pattern] = {
    tf: () => ['/bench/edit/main.tf', terraformFile(2000), (t, i) => t.replace('deletion_protection = true', `deletion_protection = ${i % 2 === 0}`), TF_BOOLEAN],
    k8s: () => ['/bench/edit/deploy.yaml', kubernetesFile(2000), (t, i) => t.replace('privileged: false', `privileged: ${i % 2 === 0}`), K8S_BOOLEAN],
    'tf-corpus': () => fromCorpus('/bench/edit/main.tf', corpusTerraformFile, TF_BOOLEAN),
    'k8s-corpus': () => fromCorpus('/bench/edit/deploy.yaml', corpusKubernetesFile, K8S_BOOLEAN),
  }[kind]();
  const edit = spread ? randomToggles(text, pattern) : firstBlockEdit;
  const engine = createEngine({ host: singleFileHost(path, text) });
  const first = await engine.lint([path]);
  const cold = await timeEdits(engine, path, text, edit, 0, COLD_EDITS);
  await timeEdits(engine, path, text, edit, COLD_EDITS, WARM_UP_EDITS - COLD_EDITS);
  const collections = watchCollections();
  const steady = await timeEdits(engine, path, text, edit, WARM_UP_EDITS, edits);
  const gc = await collections.within(steady.spans);
  return {
    ...gc,
    lines: text.split('\n').length,
    findings: first.findings.length,
    edits,
    warmUpEdits: WARM_UP_EDITS,
    wallMedianMs: percentile(steady.wall, 0.5),
    wallP95Ms: percentile(steady.wall, 0.95),
    cpuMedianMs: percentile(steady.cpu, 0.5),
    cpuP95Ms: percentile(steady.cpu, 0.95),
    /** Share of rule outcomes carried over from the previous lint (incremental re-evaluation). */
    reusedShare: steady.reuse.total ? steady.reuse.reused / steady.reuse.total : 0,
    coldEdits: COLD_EDITS,
    coldWallMedianMs: percentile(cold.wall, 0.5),
    coldWallP95Ms: percentile(cold.wall, 0.95),
    coldWallMaxMs: cold.wall[cold.wall.length - 1],
    coldCpuMedianMs: percentile(cold.cpu, 0.5),
    peakRssMiB: peakMiB(),
  };
}

const [phase, ...rest] = process.argv.slice(2);
const flags = rest.slice(1);
const run = { scan: () => scan(rest[0], !flags.includes('--no-fixes'), flags.includes('--again')), parse: () => parse(rest[0], flags.includes('--again')), latency: () => latency(rest[0], Number(rest[1] ?? 200), rest[2]) }[phase];
if (!run) {
  console.error('usage: node bench/phase.mjs scan|parse <dir> [--no-fixes] [--again] | latency tf|k8s[-spread] <edits> | latency tf-corpus|k8s-corpus[-spread] <edits> <corpus>');
  process.exit(2);
}
console.log(JSON.stringify(await run()));
