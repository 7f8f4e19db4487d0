#!/usr/bin/env node
// One benchmark measurement in a fresh process, so its peak memory (the process's maximum resident
// set) and its timings belong to it alone. Prints one JSON line; `bench/run.mjs` starts these.
//   node bench/phase.mjs scan <dir>        whole engine over every lintable file, read from disk
//   node bench/phase.mjs parse <dir>       parse only: yaml library, tree-sitter-hcl, flat formats
//   node bench/phase.mjs latency tf|k8s N  edit-to-diagnostics on a 2,000-line file, N edits
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const out = (path) => require(join(root, 'out', path));

/** The names the CLI walks (its walker skips node_modules, .git and .terraform the same way). */
const LINTED = /\.(tf|tfvars|ya?ml|json|properties|conf|env)$/i;
const SKIPPED = new Set(['node_modules', '.git', '.terraform']);

export function listLintable(dir, found = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const info = statSync(full);
    if (info.isDirectory()) {
      if (!SKIPPED.has(name)) listLintable(full, found);
    } else if (LINTED.test(name)) found.push(full);
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

async function scan(dir) {
  const { createEngine } = out('src/core/engine/engine.js');
  const { NodeFileHost } = out('src/cli/node-host.js');
  const files = listLintable(resolve(dir)).map((p) => p.split('\\').join('/'));
  const bytes = files.reduce((sum, p) => sum + statSync(p).size, 0);
  const engine = createEngine({ host: new NodeFileHost('/') });
  let peakHeap = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await engine.lint(files, {
    onProgress: (done) => {
      if (done % 16 === 0) peakHeap = Math.max(peakHeap, heapUsed());
    },
  });
  const wallMs = performance.now() - started;
  return { files: files.length, bytes, wallMs, cpuMs: cpuMs(cpu), findings: result.findings.length, internalErrors: result.internalErrors.length, peakHeapMiB: peakHeap / 2 ** 20, peakRssMiB: peakMiB() };
}

async function parse(dir) {
  const { parseAllDocuments } = require('yaml');
  const { Parser, Language } = require('web-tree-sitter');
  const { parseProperties, parseDotenv, parseMosquittoConf } = out('src/core/appconfig/index.js');
  await Parser.init();
  const hcl = new Parser();
  hcl.setLanguage(await Language.load(join(root, 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm')));
  const files = listLintable(resolve(dir));
  const bytes = files.reduce((sum, p) => sum + statSync(p).size, 0);
  let peakHeap = 0;
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
  const wallMs = performance.now() - started;
  return { files: files.length, bytes, wallMs, cpuMs: cpuMs(cpu), peakHeapMiB: peakHeap / 2 ** 20, peakRssMiB: peakMiB() };
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
 * The extension's path after a keystroke: the same engine as before (its parse cache warm), the
 * whole edited buffer as an overlay, every rule on the file (for Terraform, on its module).
 */
async function latency(kind, edits) {
  const { createEngine } = out('src/core/engine/engine.js');
  const [path, text, edit] =
    kind === 'tf'
      ? ['/bench/edit/main.tf', terraformFile(2000), (t, i) => t.replace('deletion_protection = true', `deletion_protection = ${i % 2 === 0}`)]
      : ['/bench/edit/deploy.yaml', kubernetesFile(2000), (t, i) => t.replace('privileged: false', `privileged: ${i % 2 === 0}`)];
  const engine = createEngine({ host: singleFileHost(path, text) });
  const first = await engine.lint([path]);
  for (let i = 0; i < 5; i++) await engine.lint([path], { overlays: new Map([[path, edit(text, i)]]) });
  const wall = [];
  const cpu = [];
  for (let i = 0; i < edits; i++) {
    const overlays = new Map([[path, edit(text, i)]]);
    const since = process.cpuUsage();
    const started = performance.now();
    await engine.lint([path], { overlays });
    wall.push(performance.now() - started);
    cpu.push(cpuMs(since));
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    lines: text.split('\n').length,
    findings: first.findings.length,
    edits,
    wallMedianMs: percentile(wall, 0.5),
    wallP95Ms: percentile(wall, 0.95),
    cpuMedianMs: percentile(cpu, 0.5),
    cpuP95Ms: percentile(cpu, 0.95),
    peakRssMiB: peakMiB(),
  };
}

const [phase, ...rest] = process.argv.slice(2);
const run = { scan: () => scan(rest[0]), parse: () => parse(rest[0]), latency: () => latency(rest[0], Number(rest[1] ?? 200)) }[phase];
if (!run) {
  console.error('usage: node bench/phase.mjs scan|parse <dir> | latency tf|k8s <edits>');
  process.exit(2);
}
console.log(JSON.stringify(await run()));
