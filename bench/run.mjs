// The benchmark suite (`npm run bench`). Every figure is printed next to a baseline measured in
// the same run on the same machine, so the ratios mean something on any machine:
//   1. whole-engine scan of the corpus against merely parsing the same files (yaml + tree-sitter-hcl),
//   2. edit-to-diagnostics latency on 2,000-line Terraform and Kubernetes files (in-process, the
//      way the extension calls the engine: one engine, the edited text as an overlay),
//   3. scaling with workspace size (1x, 4x, 16x) and a 10,000-file workspace.
// Flags: --quick (smaller sizes, fewer edits), --corpus DIR.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate-workspace.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const corpusArg = args.indexOf('--corpus');
const corpus = corpusArg >= 0 ? resolve(args[corpusArg + 1]) : [resolve(root, '../shared/corpus'), '/work/shared/corpus'].find(existsSync);

const { createEngine } = require(join(root, 'out/src/core/engine/engine.js'));
const { parseAllDocuments } = require('yaml');
const { Parser, Language } = require('web-tree-sitter');

const LINTED = /\.(tf|tfvars|ya?ml|json|properties|conf|env)$/i;

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out);
    else if (LINTED.test(name) && st.size < 4 * 1024 * 1024) out.push(full);
  }
  return out;
}

/** A host over texts already in memory, so the figures measure the engine, not the disk. */
function memoryHost(files) {
  return {
    async readFile(path) {
      return files.get(path);
    },
    async readDirectory(path) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = new Map();
      for (const file of files.keys()) {
        if (!file.startsWith(prefix)) continue;
        const rest = file.slice(prefix.length);
        const slash = rest.indexOf('/');
        names.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
      }
      return names.size ? [...names].map(([name, type]) => ({ name, type })) : undefined;
    },
  };
}

const mb = (bytes) => bytes / 1024 / 1024;
const sizeOf = (files) => [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
sampler.unref();

function timed(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function timedAsync(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

await Parser.init();
const hcl = new Parser();
hcl.setLanguage(await Language.load(join(root, 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm')));

/** Parse-only cost: the yaml library for YAML, tree-sitter-hcl for Terraform, JSON.parse-like for the rest. */
function parseOnly(files) {
  for (const [path, text] of files) {
    if (/\.(tf|tfvars|hcl)$/i.test(path)) hcl.parse(text).delete();
    else if (/\.ya?ml$/i.test(path)) parseAllDocuments(text);
    else if (/\.json$/i.test(path)) {
      try {
        JSON.parse(text);
      } catch {
        // JSONC and broken files: the parse attempt is the cost we compare with.
      }
    } else text.split(/\r?\n/).map((l) => l.split('='));
  }
}

async function scan(files) {
  const engine = createEngine({ host: memoryHost(files) });
  return engine.lint([...files.keys()]);
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}${quick ? ', quick mode' : ''}`);

// 1. Whole scan against parse-only, on the corpus.
if (corpus) {
  const files = new Map(walk(corpus).map((p) => [p, readFileSync(p, 'utf8')]));
  const bytes = sizeOf(files);
  parseOnly(files); // warm-up, so both sides run compiled code
  await scan(files);
  const rounds = quick ? 1 : 3;
  let parseMs = Infinity;
  let scanMs = Infinity;
  let findings = 0;
  for (let i = 0; i < rounds; i++) {
    parseMs = Math.min(parseMs, timed(() => parseOnly(files)).ms);
    const run = await timedAsync(() => scan(files));
    scanMs = Math.min(scanMs, run.ms);
    findings = run.value.findings.length;
  }
  console.log(`\n1. corpus: ${files.size} files, ${mb(bytes).toFixed(2)} MB`);
  console.log(`   parse only (yaml + tree-sitter-hcl): ${parseMs.toFixed(0)} ms, ${(mb(bytes) / (parseMs / 1000)).toFixed(1)} MB/s`);
  console.log(`   whole engine scan (${findings} findings): ${scanMs.toFixed(0)} ms, ${(mb(bytes) / (scanMs / 1000)).toFixed(1)} MB/s`);
  console.log(`   ratio scan / parse-only: ${(scanMs / parseMs).toFixed(2)}x (target <= 2x)`);
  console.log(`   peak RSS so far: ${mb(peakRss).toFixed(0)} MB`);
} else {
  console.log('\n1. corpus not found (../shared/corpus): skipped');
}

// 2. Edit-to-diagnostics latency on 2,000-line files.
function terraformFile(lines) {
  const out = ['variable "encrypted" {', '  default = true', '}', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(
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
  return out.slice(0, lines).join('\n');
}

function kubernetesFile(lines) {
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(
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
  return out.slice(0, lines).join('\n');
}

async function editLatency(name, path, text, edit, count) {
  const files = new Map([[path, text]]);
  const engine = createEngine({ host: memoryHost(files) });
  await engine.lint([path]);
  const samples = [];
  for (let i = 0; i < count; i++) {
    const edited = edit(text, i);
    const overlays = new Map([[path, edited]]);
    samples.push((await timedAsync(() => engine.lint([path], { overlays }))).ms);
  }
  samples.sort((a, b) => a - b);
  console.log(`   ${name}: median ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms over ${count} edits (target p95 < 20 ms)`);
}

console.log('\n2. edit-to-diagnostics, in-process (one engine, the edited buffer as an overlay)');
const edits = quick ? 30 : 200;
await editLatency('terraform, 2,000 lines', '/bench/edit/main.tf', terraformFile(2000), (t, i) => t.replace('deletion_protection = true', `deletion_protection = ${i % 2 === 0}`), edits);
await editLatency('kubernetes, 2,000 lines', '/bench/edit/deploy.yaml', kubernetesFile(2000), (t, i) => t.replace('privileged: false', `privileged: ${i % 2 === 0}`), edits);

// 3. Scaling with workspace size, and a 10,000-file workspace.
console.log('\n3. scaling (generated workspaces: Terraform modules, Kubernetes manifests, app config)');
const base = quick ? 100 : 250;
let first;
for (const factor of [1, 4, 16]) {
  const files = generateWorkspace(base * factor);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const run = await timedAsync(() => scan(files));
  const heap = process.memoryUsage().heapUsed - heapBefore;
  const perFile = run.ms / files.size;
  first ??= perFile;
  console.log(
    `   ${String(factor).padStart(2)}x: ${files.size} files, ${mb(sizeOf(files)).toFixed(1)} MB, ${run.ms.toFixed(0)} ms (${perFile.toFixed(2)} ms/file, ${(perFile / first).toFixed(2)}x the 1x cost per file), heap +${mb(Math.max(0, heap)).toFixed(0)} MB`,
  );
}
if (!quick) {
  const files = generateWorkspace(10_000);
  const run = await timedAsync(() => scan(files));
  console.log(`   10,000-file workspace: ${(run.ms / 1000).toFixed(1)} s, ${run.value.findings.length} findings, peak RSS ${mb(peakRss).toFixed(0)} MB`);
}
console.log(`\npeak RSS of the whole run: ${mb(peakRss).toFixed(0)} MB`);
