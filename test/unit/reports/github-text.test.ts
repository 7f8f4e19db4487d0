import * as assert from 'node:assert/strict';
import { formatReport } from '../../../src/core/reports';
import { escapeCommandData, escapeCommandProperty } from '../../../src/core/reports/github';
import { sampleInput } from './sample-input';

function decode(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function parseCommand(line: string): { level: string; props: Record<string, string>; message: string } {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const props: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    props[pair.slice(0, eq)] = decode(pair.slice(eq + 1));
  }
  return { level: match[1], props, message: decode(match[3]) };
}

describe('GitHub annotations', () => {
  it('escapes data and properties the way the runner expects', () => {
    assert.equal(escapeCommandData('100% a\r\nb: c, d'), '100%25 a%0D%0Ab: c, d');
    assert.equal(escapeCommandProperty('100% a\r\nb: c, d'), '100%25 a%0D%0Ab%3A c%2C d');
  });

  it('emits one single-line command per finding, skipped file and internal error', () => {
    const input = sampleInput();
    input.result.findings[0].file = 'odd,dir:x/main.tf';
    const lines = formatReport('github', input).trimEnd().split('\n');
    assert.equal(lines.length, 4 + 1 + 1);
    const commands = lines.map(parseCommand);
    const s3 = commands.find((c) => c.props.title?.includes('aws-s3-public'))!;
    assert.equal(s3.level, 'error');
    assert.deepEqual(
      { file: s3.props.file, line: s3.props.line, col: s3.props.col, endLine: s3.props.endLine, endColumn: s3.props.endColumn },
      { file: 'odd,dir:x/main.tf', line: '10', col: '3', endLine: '10', endColumn: '31' },
    );
    assert.ok(s3.message.startsWith('Bucket <script>alert("x")</script> & 100% open, really: yes\nsecond line | pipe'));
    assert.match(s3.message, /Controls: EUCS-CS-01, GDPR-32-1-a/);
    const review = commands.find((c) => c.props.title?.startsWith('Needs review'))!;
    assert.equal(review.level, 'notice');
    assert.equal(commands.find((c) => c.props.title?.includes('env-secret'))!.level, 'notice', 'info findings are notices');
    assert.ok(commands.some((c) => c.level === 'warning' && c.props.title === 'Not linted' && c.props.file === 'big/huge.json'));
    assert.ok(commands.some((c) => c.level === 'error' && c.props.title === 'Internal error in rule k8s-run-as-root'));
  });
});

describe('text report', () => {
  it('groups findings by file with 1-based positions and a summary', () => {
    const text = formatReport('text', sampleInput({ baselined: 1 }), { color: false });
    const headers = text.split('\n').filter((line) => line !== '' && !line.startsWith(' ') && !line.startsWith('✖'));
    assert.deepEqual(headers.slice(0, 3), ['config/.env', 'k8s/deploy.yaml', 'terraform/main.tf']);
    assert.match(text, /\n {2}10:3 {2}error {4}Bucket <script>.*second line \| pipe.*\[aws_s3_bucket.records\] {2}aws-s3-public\n/);
    assert.match(text, /needs review: runAsUser comes from a Helm value/);
    assert.match(text, /waiver not applied: expires 2020-01-01/);
    assert.match(text, /Not linted:\n {2}big\/huge.json: over the size limit/);
    assert.match(text, /Internal rule errors.*\n {2}k8s-run-as-root on k8s\/deploy.yaml: predicate blew up/);
    assert.match(text, /✖ 4 findings \(2 errors, 1 warning, 1 info\), 1 needs review, 2 waived, 1 in baseline, 3 checks passed in 5 files\n$/);
    assert.doesNotMatch(text, /\u001b\[/);
  });

  it('colours only when asked, and --quiet leaves out the summary', () => {
    const coloured = formatReport('text', sampleInput(), { color: true });
    assert.match(coloured, /\u001b\[31merror/);
    const quiet = formatReport('text', sampleInput(), { color: false, quiet: true });
    assert.doesNotMatch(quiet, /checks passed/);
    assert.match(quiet, /aws-s3-public/);
  });

  it('says so when everything passed', () => {
    const input = sampleInput();
    input.result = { files: input.result.files.slice(0, 1), findings: [], suppressed: [], passes: input.result.passes, internalErrors: [] };
    assert.equal(formatReport('text', input, { color: false }), '✔ 0 findings (0 errors, 0 warnings, 0 info), 3 checks passed in 1 file\n');
  });
});
