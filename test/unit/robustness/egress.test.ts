/**
 * Zero egress: the shipped bundles import no network module and call no network API, send no
 * telemetry, and a real scan of the sample workspace succeeds with every network entry point of
 * Node replaced by one that throws (CLI in a child process; the scan worker too).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, useScratchFolder } from './support';

const BUNDLES = ['dist/extension.js', 'dist/cli.js', 'dist/scan-worker.js'];
const NETWORK_MODULES = '(?:http|https|http2|net|tls|dgram|dns|dns/promises|undici|inspector)';

/** Code shapes that reach the network; prose inside rule texts ("WebSocket API") does not match them. */
const NETWORK_USES: Array<[string, RegExp]> = [
  ['require of a network module', new RegExp(`require\\(\\s*["'](?:node:)?${NETWORK_MODULES}["']\\s*\\)`, 'g')],
  ['import of a network module', new RegExp(`(?:import\\(|\\bfrom)\\s*["'](?:node:)?${NETWORK_MODULES}["']`, 'g')],
  ['a require whose module is computed', /(?<![\w.$])require\(\s*(?!["'`)])/g],
  ['fetch()', /(?<![\w.$"'])fetch\s*\(/g],
  ['XMLHttpRequest / WebSocket / EventSource', /\bnew\s+(?:XMLHttpRequest|WebSocket|EventSource)\b/g],
  ['process.binding', /process\.binding\s*\(/g],
  ['sendBeacon', /\bsendBeacon\b/g],
  ['telemetry', /\b(?:createTelemetryLogger|TelemetryReporter|applicationinsights|telemetry\.enable)\b/gi],
];

const PRELOAD = join(__dirname, 'deny-network.js');

function runDenied(args: string[], logFile: string) {
  return spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ENISA_DENY_NETWORK: '1', ENISA_NETWORK_LOG: logFile, NO_COLOR: '1' },
  });
}

describe('robustness: zero egress', function () {
  this.timeout(180_000);
  const scratch = useScratchFolder('enisa-egress-');

  for (const bundle of BUNDLES) {
    it(`${bundle} imports no network module and calls no network API`, () => {
      const path = join(REPO_ROOT, bundle);
      assert.ok(existsSync(path), `${bundle} is missing: run "node scripts/build.mjs" (npm test builds it)`);
      const code = readFileSync(path, 'utf8');
      for (const [what, pattern] of NETWORK_USES) {
        const hits = [...code.matchAll(pattern)].map((m) => code.slice(Math.max(0, m.index! - 60), m.index! + 40).replace(/\s+/g, ' '));
        assert.deepEqual(hits, [], `${bundle}: ${what}`);
      }
    });
  }

  it('the network-denying preload really denies (the check below would prove nothing otherwise)', () => {
    const log = join(scratch(), 'probe.log');
    const run = runDenied(['-e', "require('node:https').get('https://example.org')"], log);
    assert.notEqual(run.status, 0);
    assert.match(readFileSync(log, 'utf8'), /https\.get/);
  });

  it('the CLI scans the sample workspace with the network denied', () => {
    const log = join(scratch(), 'cli.log');
    const run = runDenied([join(REPO_ROOT, 'dist/cli.js'), 'scan', 'samples/health-cloud', '--format', 'json', '--fail-on', 'never'], log);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { files: unknown[]; findings: unknown[] };
    assert.ok(report.files.length >= 10 && report.findings.length > 10, 'the scan did real work');
    assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '', 'no network call was attempted');
  });

  it('the scan worker scans the sample workspace with the network denied', () => {
    const log = join(scratch(), 'worker.log');
    const client = JSON.stringify(join(__dirname, '..', '..', '..', 'src', 'extension', 'worker-client.js'));
    const sample = JSON.stringify(join(REPO_ROOT, 'samples', 'health-cloud'));
    // The worker inherits the process's --require, so the hooks apply on its thread as well.
    const script = `require(${client}).scanInWorker([${sample}], {}).then((r) => console.log(JSON.stringify({ files: r.files.length, findings: r.findings.length })), (e) => { console.error(e); process.exit(3); });`;
    const run = runDenied(['-e', script], log);
    assert.equal(run.status, 0, run.stderr);
    const counts = JSON.parse(run.stdout) as { files: number; findings: number };
    assert.ok(counts.files >= 10 && counts.findings > 10, run.stdout);
    assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '', 'no network call was attempted');
  });
});
