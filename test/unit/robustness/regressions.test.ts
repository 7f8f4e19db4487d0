/**
 * One test per crash, hang or blow-up the fuzz campaign found, so each fix stays fixed. Timing
 * checks compare the cost per character of a large input with a small one of the same shape (no
 * absolute timings): a quadratic cost shows as a ratio near the size ratio, a linear one near 1.
 */
import assert from 'node:assert/strict';
import { canonicalKey, parseAppConfig, parseProperties } from '../../../src/core/appconfig';
import { parseYamlTree } from '../../../src/core/yaml';
import { MAX_NESTING, MAX_VALUES } from '../../../src/core/yaml/limits';
import { embeddedPassword } from '../../../src/core/rules/predicates/secret-values';
import { defaultConfig } from '../../../src/core/config/defaults';
import { MAX_FIX_EDITS } from '../../../src/core/fixes/build-fix';
import { MAX_FIXES_PER_RULE_AND_FILE } from '../../../src/core/engine/run-rules';
import type { MapNode } from '../../../src/core/documents/tree';
import { cpuNow, enableGc, fullGc, perKiloChar } from '../../fuzz/measure';
import { encodeUtf16 } from '../../fuzz/mutators';
import { lintFiles, outModule, placements, runNode } from './support';

/** Per-character time may grow at most this much at 8x the size (quadratic would give about 8). */
const LINEAR = 3.5;

function assertLinear(name: string, build: (n: number) => string, n: number, run: (text: string) => unknown): void {
  const rates = perKiloChar(build(n / 8), build(n), run);
  assert.ok(rates.large <= LINEAR * Math.max(rates.small, 0.001), `${name}: ${rates.small.toFixed(4)} → ${rates.large.toFixed(4)} ms per 1,000 characters`);
}

async function engineCpuMs(files: Record<string, string>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 2; round++) {
    const started = cpuNow();
    await lintFiles(files);
    best = Math.min(best, cpuNow() - started);
  }
  return best;
}

/** Engine CPU time per unit at n and 8n units of a repeated shape must stay within LINEAR. */
async function assertEngineLinear(name: string, path: string, build: (n: number) => string, n: number): Promise<void> {
  const small = await engineCpuMs({ [path]: build(n / 8) });
  const large = await engineCpuMs({ [path]: build(n) });
  assert.ok(large / 8 <= LINEAR * small, `${name}: ${small.toFixed(0)} ms for ${n / 8} units, ${large.toFixed(0)} ms for ${n}`);
}

function aliasBomb(levels: number, leaf: string): string {
  let text = `l0: &l0 ${leaf}\n`;
  for (let i = 1; i < levels; i++) text += `l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]\n`;
  return text;
}

describe('robustness: regressions found by fuzzing', function () {
  this.timeout(60_000);
  before(() => enableGc());

  it('a key made of many "[" is canonicalised in linear time (was quadratic: minutes for 5 MB)', () => {
    assertLinear('canonicalKey', (n) => '['.repeat(n), 200_000, (key) => canonicalKey(key, 'properties'));
    assert.equal(canonicalKey('logging.level.[org.acme]', 'properties'), 'logging.level.org.acme');
  });

  it('YAML nested 10,000 levels is reported, and parsing it again does not abort the process', () => {
    // On Node 20 the yaml composer's stack overflow left V8 in a state where the next parse ended
    // the process ("RegExpCompiler Allocation failed"); only a separate process can show it.
    const outcome = runNode(`
      const { parseYamlTree } = require(${outModule('src/core/yaml/index.js')});
      for (let i = 0; i < 3; i++) {
        const tree = parseYamlTree('- '.repeat(10000) + 'x\\n');
        console.log(tree.errors.map((e) => e.message).join('|'));
      }`);
    assert.equal(outcome.status, 0, `exit ${outcome.status} ${outcome.signal}: ${outcome.stderr.slice(0, 300)}`);
    assert.equal(outcome.stdout.trim().split('\n').length, 3);
    assert.match(outcome.stdout, new RegExp(`nested more than ${MAX_NESTING} levels`));
    const tree = parseYamlTree(`a:\n${'  '.repeat(1)}b: ${'['.repeat(MAX_NESTING + 5)}`);
    assert.equal(tree.errors[0].range.start.line, 1, 'the error points at the place that is too deep');
  });

  it('YAML with more values than the library can hold is reported before parsing (was 2 GB and a crash)', () => {
    const text = `a: [${'x, '.repeat(MAX_VALUES)}y]\n`;
    const started = cpuNow();
    const tree = parseYamlTree(text);
    assert.match(tree.errors[0].message, /more than the 500000 that are checked/);
    assert.ok(cpuNow() - started < 100 * (text.length / 1e6) + 200, 'refusing costs a scan, not a parse');
  });

  it('alias bombs cost linear time and little memory through the engine (were 17 s and 2 GB)', async () => {
    const header = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: c\n      image: i\n';
    for (const [path, prefix] of [
      ['/w/k8s/pod.yaml', header],
      ['/w/app/application.yml', 'server:\n  port: 8080\n'],
    ]) {
      for (const leaf of ['[]', '[lol]', '{a: b}']) {
        const small = await engineCpuMs({ [path]: prefix + aliasBomb(4, leaf) });
        fullGc();
        const heapBefore = process.memoryUsage().heapUsed;
        const started = cpuNow();
        const result = await lintFiles({ [path]: prefix + aliasBomb(9, leaf) });
        const large = cpuNow() - started;
        fullGc();
        assert.ok(process.memoryUsage().heapUsed - heapBefore < 64 * 2 ** 20, `${path} ${leaf}: memory`);
        // 9^8 expansions against 9^3: exponential work would be 59,049 times more; flattening
        // stops after its entry limit, which costs a few hundred milliseconds at most.
        assert.ok(large < 200 * small + 100, `${path} ${leaf}: ${small.toFixed(0)} ms for 4 levels, ${large.toFixed(0)} ms for 9`);
        assert.deepEqual(result.internalErrors, []);
      }
    }
  });

  it('a chain of merge keys merging the same map twice stays small (was 2^40 entries)', () => {
    let text = 'm0: &m0 {a: 1}\n';
    for (let i = 1; i < 40; i++) text += `m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}], k${i}: ${i}}\n`;
    const tree = parseYamlTree(text);
    assert.deepEqual(tree.errors, []);
    const root = tree.documents[0].root as MapNode;
    const last = root.entries[root.entries.length - 1].value as MapNode;
    assert.equal(last.entries.length, 40, 'one entry per distinct key');
    assert.equal(last.entries.find((e) => e.key === 'k20')?.value.kind, 'scalar');
    const flat = parseAppConfig('/w/application.yml', text, 'spring-config').config;
    assert.ok(flat.entries.some((e) => e.key === 'm39.a' && e.value === 1), 'merged values still flatten');
  });

  it('a 5 MB .properties key holds memory in proportion to its size (was 1 GB)', () => {
    fullGc();
    const before = process.memoryUsage().heapUsed;
    const config = parseProperties(`${'k'.repeat(5_000_000)}=v\\\n  continued`);
    fullGc();
    const retained = process.memoryUsage().heapUsed - before;
    assert.equal(config.entries[0].value, 'vcontinued');
    assert.ok(retained < 40 * 5_000_000, `${(retained / 2 ** 20).toFixed(0)} MiB retained`);
  });

  it('a long value without "://" is checked for URL passwords in linear time (was 3 s for 200 KB)', () => {
    assertLinear('embeddedPassword', (n) => 'Ax'.repeat(n / 2), 400_000, (value) => embeddedPassword(value));
    assert.equal(embeddedPassword('postgres://admin:Very-Secret-1@db:5432/app'), 'a URL with a password');
  });

  it('Terraform files follow the size limit: one information finding, not a parse error', async () => {
    const config = { ...defaultConfig(), maxFileSizeBytes: 1024 };
    const big = `resource "aws_s3_bucket" "b" {\n  bucket = "${'x'.repeat(2048)}"\n}\n`;
    const result = await lintFiles({ '/w/tf/main.tf': big, '/w/tf/small.tf': 'locals {\n  a = 1\n}\n' }, { config });
    const about = result.findings.filter((f) => f.file === '/w/tf/main.tf');
    assert.deepEqual(about.map((f) => `${f.ruleId} ${f.severity}`), ['file-skipped info']);
    assert.match(about[0].message, /over the 1024-byte limit/);
    assert.ok(result.files.find((f) => f.file === '/w/tf/main.tf')?.skipped);
  });

  it('a binary .tf file is skipped without a finding; a UTF-16 one is read like its UTF-8 twin', async () => {
    const binary = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 0, 0x41]);
    const skipped = await lintFiles({ '/w/bin/main.tf': binary });
    assert.deepEqual(skipped.findings, []);
    assert.equal(skipped.files[0].skipped, 'is not a text file');
    const source = 'resource "aws_s3_bucket" "records" {\n  bucket = "records"\n  acl    = "public-read"\n}\n';
    const utf8 = await lintFiles({ '/w/a/main.tf': source });
    const utf16 = await lintFiles({ '/w/a/main.tf': encodeUtf16(source, false) });
    assert.ok(utf8.findings.length > 0);
    assert.deepEqual(placements(utf16.findings), placements(utf8.findings));
  });

  it('fixes for thousands of resources in one file cost linear time (one line index per file, was 13 s)', async () => {
    const buckets = (n: number) => Array.from({ length: n }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}"\n}`).join('\n');
    await assertEngineLinear('many buckets', '/w/tf/main.tf', buckets, 1_600);
  });

  it('a key repeated in thousands of sections gets linear time and bounded fixes (was cubic)', async () => {
    const listeners = (n: number) => Array.from({ length: n }, (_, i) => `listener ${1000 + i}\nallow_anonymous true`).join('\n');
    await assertEngineLinear('many listeners', '/w/mqtt/mosquitto.conf', listeners, 4_000);
    const result = await lintFiles({ '/w/mqtt/mosquitto.conf': listeners(200) });
    const anonymous = result.findings.filter((f) => f.ruleId === 'mosquitto-no-anonymous-access');
    assert.equal(anonymous.length, 200);
    // Each fix would set all 200 places: more than a reviewable fix, so none is offered.
    assert.ok(anonymous.every((f) => f.fix === undefined), `no fix with more than ${MAX_FIX_EDITS} edits`);
    const few = await lintFiles({ '/w/mqtt/mosquitto.conf': listeners(3) });
    assert.ok(few.findings.filter((f) => f.ruleId === 'mosquitto-no-anonymous-access').every((f) => f.fix?.edits.length === 3));
  });

  it(`fixes are built for at most ${MAX_FIXES_PER_RULE_AND_FILE} findings of one rule in one file`, async () => {
    const pods = Array.from({ length: MAX_FIXES_PER_RULE_AND_FILE + 20 }, (_, i) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: i\n      securityContext:\n        privileged: true`,
    ).join('\n---\n');
    const result = await lintFiles({ '/w/k8s/pods.yaml': pods });
    const privileged = result.findings.filter((f) => f.ruleId === 'k8s-container-not-privileged');
    assert.equal(privileged.length, MAX_FIXES_PER_RULE_AND_FILE + 20, 'every finding is still reported');
    assert.equal(privileged.filter((f) => f.fix).length, MAX_FIXES_PER_RULE_AND_FILE);
  });
});
