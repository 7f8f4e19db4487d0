/**
 * JUnit XML for CI test dashboards: one testsuite per file, one testcase per finding or passed
 * check (rule × subject). Failures are `<failure>`, undetermined outcomes and waived findings are
 * `<skipped>` with the reason, internal rule errors are `<error>`.
 */
import { escapeXml } from './escape';
import { compareText, sortFindings } from './summary';
import type { ReportInput } from './types';

interface TestCase {
  classname: string;
  name: string;
  line?: number;
  /** The element inside the testcase, already serialized; empty for a pass. */
  body: string;
  outcome: 'passed' | 'failure' | 'skipped' | 'error';
}

function attr(name: string, value: string | number): string {
  return ` ${name}="${escapeXml(String(value))}"`;
}

function testcaseXml(file: string, testcase: TestCase): string {
  const attrs = attr('classname', testcase.classname) + attr('name', testcase.name) + attr('file', file) + (testcase.line ? attr('line', testcase.line) : '');
  return testcase.body ? `    <testcase${attrs}>\n      ${testcase.body}\n    </testcase>` : `    <testcase${attrs}/>`;
}

export function formatJunit(input: ReportInput): string {
  const { result } = input;
  const suites = new Map<string, TestCase[]>();
  const casesOf = (file: string) => {
    let list = suites.get(file);
    if (!list) {
      list = [];
      suites.set(file, list);
    }
    return list;
  };
  for (const file of result.files) {
    const cases = casesOf(file.file);
    if (file.skipped !== undefined) {
      cases.push({ classname: 'file', name: 'not linted', body: `<skipped${attr('message', file.skipped)}/>`, outcome: 'skipped' });
    }
  }
  for (const finding of sortFindings(result.findings)) {
    const line = finding.range.start.line + 1;
    const name = finding.resource ?? `line ${line}`;
    if (finding.status === 'undetermined') {
      const message = `needs review: ${finding.message}${finding.reason ? ` (${finding.reason})` : ''}`;
      casesOf(finding.file).push({ classname: finding.ruleId, name, line, body: `<skipped${attr('message', message)}/>`, outcome: 'skipped' });
      continue;
    }
    const details = [
      `${finding.file}:${line}:${finding.range.start.column + 1}`,
      finding.message,
      ...(finding.controls.length > 0 ? [`Controls: ${finding.controls.join(', ')}`] : []),
    ].join('\n');
    const body = `<failure${attr('message', finding.message)}${attr('type', finding.severity)}>${escapeXml(details)}</failure>`;
    casesOf(finding.file).push({ classname: finding.ruleId, name, line, body, outcome: 'failure' });
  }
  for (const finding of sortFindings(result.suppressed)) {
    const line = finding.range.start.line + 1;
    const waiver = finding.waiver;
    const message = `waived: ${waiver?.reason ?? ''}${waiver?.expires ? ` (expires ${waiver.expires})` : ''}`;
    casesOf(finding.file).push({ classname: finding.ruleId, name: finding.resource ?? `line ${line}`, line, body: `<skipped${attr('message', message)}/>`, outcome: 'skipped' });
  }
  for (const pass of result.passes) {
    casesOf(pass.file).push({ classname: pass.ruleId, name: pass.resource ?? pass.file, body: '', outcome: 'passed' });
  }
  for (const error of result.internalErrors) {
    casesOf(error.file).push({ classname: error.ruleId, name: 'internal error', body: `<error${attr('message', error.message)}${attr('type', 'internal')}/>`, outcome: 'error' });
  }

  const count = (cases: TestCase[], outcome: TestCase['outcome']) => cases.filter((c) => c.outcome === outcome).length;
  const all = [...suites.values()].flat();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attr('name', input.tool.name)}${attr('tests', all.length)}${attr('failures', count(all, 'failure'))}${attr('errors', count(all, 'error'))}${attr('skipped', count(all, 'skipped'))}>`,
  ];
  for (const file of [...suites.keys()].sort(compareText)) {
    const cases = suites.get(file)!;
    const counts = attr('tests', cases.length) + attr('failures', count(cases, 'failure')) + attr('errors', count(cases, 'error')) + attr('skipped', count(cases, 'skipped'));
    if (cases.length === 0) {
      lines.push(`  <testsuite${attr('name', file)}${counts}/>`);
      continue;
    }
    lines.push(`  <testsuite${attr('name', file)}${counts}>`);
    for (const testcase of cases) lines.push(testcaseXml(file, testcase));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
