/**
 * Untrusted content: rule files from a workspace are data. Their regular expressions cannot hang
 * the engine (refused when they are known to backtrack badly, matched in linear time otherwise),
 * a rule file cannot name code to run, and an untrusted workspace's rule folders are never read.
 */
import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/defaults';
import { createEngine } from '../../../src/core/engine/engine';
import { compileLinearRegex } from '../../../src/core/rules/linear-regex';
import { checkRegexSafety, compileSafeRegex, MAX_MATCH_LENGTH } from '../../../src/core/rules/safe-regex';
import { BytesHost } from '../../fuzz/targets';
import { createRandom } from '../../fuzz/random';
import { cpuNow } from '../../fuzz/measure';
import { randomPattern, randomSubject } from './regex-patterns';

function ruleFile(id: string, condition: string, extra: string[] = []): string {
  return [
    `id: ${id}`,
    'title: A rule from the workspace',
    'severity: warning',
    'target: app-config',
    'family: app-hardening',
    'select: { types: [spring-config] }',
    `condition: ${condition}`,
    'message: { what: Something is off., why: It matters for patient data., fix: Change it. }',
    'remediation: Change it.',
    'controls: [EUCS-OPS-21]',
    'noFixReason: A test rule.',
    ...extra,
  ].join('\n');
}

function workspace(rules: Record<string, string>, value: string): Map<string, string> {
  const files = new Map<string, string>([['/w/app/application.properties', `server.port=8080\nspring.application.name=${value}\n`]]);
  for (const [name, text] of Object.entries(rules)) files.set(`/w/policies/${name}`, text);
  return files;
}

async function lint(files: Map<string, string>, trusted: boolean) {
  const config = { ...defaultConfig(), extraRuleFolders: ['policies'] };
  const host = new BytesHost(files);
  const started = cpuNow();
  const result = await createEngine({ host, config, configDir: '/w', trusted }).lint(['/w/app/application.properties']);
  return { result, host, cpuMs: cpuNow() - started };
}

describe('robustness: untrusted rule files', function () {
  this.timeout(60_000);

  it('a rule with a catastrophic (exponential) pattern is refused, named, and the rest still runs', async () => {
    const evil = ruleFile('spring-evil-exponential', '{ path: spring.application.name, notMatches: "^(a|a?)+$" }');
    const { result, cpuMs } = await lint(workspace({ 'evil.yaml': evil }, `${'a'.repeat(40)}!`), true);
    assert.ok(!result.findings.some((f) => f.ruleId === 'spring-evil-exponential'));
    const refusal = result.internalErrors.find((e) => e.file === '/w/policies/evil.yaml');
    assert.ok(refusal && /nested quantifiers/.test(refusal.message), JSON.stringify(result.internalErrors));
    assert.ok(cpuMs < 5_000);
  });

  it('a polynomial pattern that passes the subset check is matched in linear time (RegExp: minutes)', async () => {
    // `.*` eight times: a backtracking matcher tries every split of the text (200 characters took
    // 248 s with RegExp). The linear matcher runs it over a 60,000-character value.
    const pattern = '.*.*.*.*.*.*.*.*x';
    assert.equal(checkRegexSafety(pattern), undefined, 'the subset check lets it through');
    const rule = ruleFile('spring-demo-polynomial', `{ path: spring.application.name, notMatches: "${pattern}" }`);
    const small = await lint(workspace({ 'poly.yaml': rule }, 'a'.repeat(7_500)), true);
    const large = await lint(workspace({ 'poly.yaml': rule }, 'a'.repeat(60_000)), true);
    assert.deepEqual(large.result.internalErrors, []);
    assert.ok(large.result.passes.some((p) => p.ruleId === 'spring-demo-polynomial'), 'the rule ran and the value passed');
    assert.ok(large.cpuMs < 8 * 4 * small.cpuMs + 200, `${small.cpuMs.toFixed(0)} ms for 7,500 characters, ${large.cpuMs.toFixed(0)} ms for 60,000`);
  });

  it('values too long to match are undetermined, not matched at a cost', async () => {
    const rule = ruleFile('spring-long-value', '{ path: spring.application.name, matches: "^[a-z]+$" }');
    const { result } = await lint(workspace({ 'long.yaml': rule }, 'a'.repeat(MAX_MATCH_LENGTH + 1)), true);
    const finding = result.findings.find((f) => f.ruleId === 'spring-long-value');
    assert.equal(finding?.status, 'undetermined');
    assert.match(finding?.message ?? '', /too long to test against a pattern/);
  });

  it('a rule file cannot name code: unknown predicates are refused', async () => {
    const sneaky = ruleFile('spring-demo-sneaky', '{ predicate: "require(\'child_process\').exec(\'calc\')" }');
    const { result } = await lint(workspace({ 'sneaky.yaml': sneaky }, 'demo'), true);
    assert.ok(!result.findings.some((f) => f.ruleId === 'spring-demo-sneaky'));
    assert.ok(result.internalErrors.some((e) => e.file === '/w/policies/sneaky.yaml' && /unknown predicate/.test(e.message)), JSON.stringify(result.internalErrors));
  });

  it('alias bombs and absurd nesting in a rule folder are reported per file and do not stop linting', async () => {
    let bomb = 'a0: &a0 [x]\n';
    for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
    const good = ruleFile('spring-demo-good', '{ path: server.port, notEquals: 1 }');
    // Many aliases: the yaml library resolves each by searching the document (quadratic).
    const aliases = Array.from({ length: 20_000 }, (_, i) => `k${i}: &a${i} [*a${Math.max(0, i - 1)}]`).join('\n');
    const { result, cpuMs } = await lint(workspace({ 'bomb.yaml': bomb, 'deep.yaml': `${'- '.repeat(5_000)}x\n`, 'aliases.yaml': aliases, 'good.yaml': good }, 'demo'), true);
    assert.ok(cpuMs < 10_000, `${cpuMs.toFixed(0)} ms`);
    const messages = result.internalErrors.map((e) => `${e.file}: ${e.message}`);
    assert.ok(messages.some((m) => m.startsWith('/w/policies/aliases.yaml') && /aliases, more than/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('/w/policies/bomb.yaml') && /alias/i.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('/w/policies/deep.yaml') && /nested more than/.test(m)), messages.join('\n'));
    assert.ok(result.passes.some((p) => p.ruleId === 'spring-demo-good'), 'the good rule file still loaded');
  });

  it('in an untrusted workspace the rule folder is never read, so nothing in it can act', async () => {
    const evil = ruleFile('spring-evil-exponential', '{ path: spring.application.name, notMatches: "^(a|a?)+$" }');
    const { result, host } = await lint(workspace({ 'evil.yaml': evil, 'good.yaml': ruleFile('spring-demo-good', '{ path: server.port, notEquals: 1 }') }, 'demo'), false);
    assert.deepEqual(host.reads.filter((path) => path.startsWith('/w/policies')), []);
    assert.deepEqual(result.internalErrors, []);
    assert.ok(!result.findings.some((f) => f.ruleId.startsWith('spring-evil') || f.ruleId === 'spring-demo-good'));
    assert.ok(!result.passes.some((p) => p.ruleId === 'spring-demo-good'));
  });
});

describe('robustness: the linear-time pattern matcher', function () {
  this.timeout(60_000);

  it('answers exactly as RegExp does on thousands of random patterns of the accepted subset', () => {
    const random = createRandom(77);
    let compared = 0;
    for (let i = 0; i < 4_000; i++) {
      const pattern = randomPattern(random);
      const ignoreCase = random.chance(0.3);
      // RegExp itself would hang on the refused shapes; they are compared nowhere.
      if (checkRegexSafety(pattern)) continue;
      let native: RegExp;
      try {
        native = new RegExp(pattern, ignoreCase ? 'i' : '');
      } catch {
        continue;
      }
      const linear = compileLinearRegex(pattern, ignoreCase);
      for (let k = 0; k < 8; k++) {
        const subject = randomSubject(random);
        compared++;
        assert.equal(linear.test(subject), native.test(subject), `/${pattern}/${ignoreCase ? 'i' : ''} on ${JSON.stringify(subject)}`);
      }
    }
    assert.ok(compared > 20_000);
  });

  it('matches the patterns of the built-in rules as RegExp does', () => {
    const cases: Array<[string, string, boolean]> = [
      ['@sha256:[a-f0-9]{64}$', `nginx@sha256:${'a'.repeat(64)}`, true],
      ['@sha256:[a-f0-9]{64}$', 'nginx:latest', false],
      [':[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$', 'nginx:1.25', true],
      ['^(mysql|mariadb|aurora-mysql|aurora)$', 'aurora-mysql', true],
      ['^POSTGRES', 'postgres_15', false],
      ['\\$', 'a$b', true],
    ];
    for (const [pattern, subject, expected] of cases) {
      assert.equal(compileSafeRegex(pattern).test(subject), expected, `/${pattern}/ on ${subject}`);
      assert.equal(new RegExp(pattern).test(subject), expected);
    }
    assert.equal(compileSafeRegex('^postgres', true).test('POSTGRES_15'), true);
  });

  it('takes time linear in the text even for shapes that make RegExp backtrack exponentially', () => {
    const exponential = compileLinearRegex('^(a|a?)+$');
    const time = (n: number) => {
      const text = `${'a'.repeat(n)}!`;
      const started = cpuNow();
      for (let i = 0; i < 20; i++) exponential.test(text);
      return cpuNow() - started;
    };
    time(1_000);
    const small = time(2_000);
    const large = time(16_000);
    assert.ok(large < 8 * 4 * small + 20, `${small.toFixed(1)} ms for 2,000 characters, ${large.toFixed(1)} ms for 16,000`);
    assert.equal(exponential.test('aaaa'), true);
  });

  it('refuses patterns whose expansion is too large to match quickly', () => {
    assert.throws(() => compileSafeRegex('a{1000}b{1000}c{1000}'), /cannot be matched safely/);
  });
});
