import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildComplianceSummary } from '../../../src/core/reports';
import { findingHoverMarkdown, subjectHoverMarkdown } from '../../../src/extension/hover-markdown';
import { rebaseResult } from '../../../src/extension/relative-result';
import { buildSummaryTree, expiringWaivers } from '../../../src/extension/summary-groups';
import { barChartSvg, escapeHtml, summaryHtml } from '../../../src/extension/summary-html';
import { CATALOG, RULES, sampleInput, sampleResult, TRICKY_MESSAGE } from '../reports/sample-input';

const LINKS = { docs: (id: string) => `command:docs?${id}` };

describe('extension views (no vscode needed)', () => {
  it('renders the summary page with a nonce CSP, no inline styles, escaped text and the core numbers', () => {
    const summary = buildComplianceSummary(sampleInput());
    const html = summaryHtml(summary, { nonce: 'N0NCE', cspSource: 'vscode-webview:', expiring: [] });
    assert.match(html, /default-src 'none'; img-src vscode-webview: data:; style-src 'nonce-N0NCE'; script-src 'nonce-N0NCE';/);
    assert.ok(!/ style="/.test(html), 'inline style attributes would be blocked by the CSP');
    assert.ok(!/<script(?![^>]*nonce="N0NCE")/.test(html), 'every script carries the nonce');
    assert.match(html, new RegExp(`data-findings="${summary.totals.findings}"`));
    assert.ok(!html.includes('<script>alert'), 'finding text is escaped');
    assert.equal(escapeHtml(`<a href="x">'&`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;');
  });

  it('draws bars proportional to the counts', () => {
    const svg = barChartSvg('t', [
      { key: 'a', label: 'a', failed: 2, undetermined: 0, suppressed: 0, passed: 2 },
      { key: 'b', label: 'b', failed: 1, undetermined: 0, suppressed: 0, passed: 0 },
    ]);
    const widths = [...svg.matchAll(/width="([\d.]+)" height="16" fill="[^"]+" data-count="(\d+)" data-outcome="(\w+)"/g)].map((m) => [Number(m[1]), m[3]]);
    assert.deepEqual(widths, [[180, 'failed'], [180, 'passed'], [90, 'failed']]);
  });

  it('builds the tree from the compliance summary: families, use cases, files, expiring waivers', () => {
    const summary = buildComplianceSummary(sampleInput());
    const tree = buildSummaryTree(summary, RULES, CATALOG, '2000-01-01');
    assert.deepEqual(tree.map((n) => n.label), ['Control families', 'ENISA use cases', 'Files', 'Waivers expiring within 30 days']);
    assert.equal(tree[0].children!.length, summary.byFamily.length);
    assert.equal(tree[2].children!.length, summary.byFile.length);
    const leaves = tree[2].children!.flatMap((f) => f.children ?? []);
    assert.equal(leaves.length, summary.findings.length);
    assert.ok(leaves.every((leaf) => leaf.location));
    assert.deepEqual(buildSummaryTree(buildComplianceSummary({ ...sampleInput(), result: { files: [], findings: [], suppressed: [], passes: [], internalErrors: [] } }), RULES, CATALOG, '2000-01-01'), []);
  });

  it('lists waivers expiring within 30 days and those no longer in force', () => {
    const waivers = [
      { ruleId: 'a', file: 'f', line: 1, reason: 'r', expires: '2025-01-20', inForce: true },
      { ruleId: 'b', file: 'f', line: 2, reason: 'r', expires: '2025-06-01', inForce: true },
      { ruleId: 'c', file: 'f', line: 3, reason: 'r', inForce: true },
      { ruleId: 'd', file: 'f', line: 4, reason: 'r', expires: '2024-01-01', inForce: false },
    ];
    assert.deepEqual(expiringWaivers(waivers, '2025-01-01').map((w) => w.ruleId), ['a', 'd']);
  });

  it('writes hovers with the rule, why, controls, fix, and the origin of an undetermined value', () => {
    const result = sampleResult();
    const finding = { ...result.findings[0], status: 'undetermined' as const, reason: 'var.x has no default', related: [{ file: '/m/variables.tf', range: result.findings[0].range, message: 'variable x declared here' }] };
    const rule = RULES.find((r) => r.id === finding.ruleId);
    const text = findingHoverMarkdown(finding, rule, CATALOG, LINKS);
    assert.match(text, /\*\*Why it matters for patient data\*\* \(electronic health records \(EHR\)\)/);
    assert.match(text, /\*\*Why undetermined:\*\* var\.x has no default/);
    assert.match(text, /- variable x declared here \(variables\.tf:\d+\)/);
    assert.match(text, new RegExp(`\\[Documentation for ${finding.ruleId}\\]\\(command:docs\\?${finding.ruleId}\\)`));
    const tricky = findingHoverMarkdown({ ...finding, message: TRICKY_MESSAGE }, rule, CATALOG, LINKS);
    assert.ok(!tricky.includes('<script>'), 'HTML in messages is escaped');
  });

  it('says which rules passed, failed or were waived on a block, and nothing when none looked', () => {
    const rules = new Map(RULES.map((r) => [r.id, r]));
    const text = subjectHoverMarkdown({ resource: 'aws_s3_bucket.x', passes: [{ ruleId: RULES[0].id, file: 'f' }], failures: [], waived: [] }, rules, LINKS)!;
    assert.match(text, /`aws_s3_bucket.x`: checked by 1 rule\n/);
    assert.match(text, /\*\*Passed \(1\):\*\*/);
    assert.equal(subjectHoverMarkdown({ resource: 'x', passes: [], failures: [], waived: [] }, rules, LINKS), undefined);
  });

  it('makes report paths relative to the workspace folder like the CLI run there', () => {
    const result = sampleResult();
    const absolute = { ...result, files: result.files.map((f) => ({ ...f, file: `/ws/${f.file}` })), findings: result.findings.map((f) => ({ ...f, file: `/ws/${f.file}` })) };
    const rebased = rebaseResult(absolute, '/ws/');
    assert.deepEqual(rebased.findings.map((f) => f.file), result.findings.map((f) => f.file));
  });

  it('ships a waiver grammar whose patterns find the rule id and expiry', () => {
    const grammar = JSON.parse(readFileSync('syntaxes/waiver-comment.injection.tmLanguage.json', 'utf8'));
    assert.equal(grammar.injectionSelector, 'L:comment -string');
    const waiver = grammar.repository.waiver;
    const line = '# enisa-health-ignore aws-rds-storage-encrypted -- legacy expires 2030-01-01';
    assert.ok(new RegExp(waiver.begin).test(line));
    const expiry = new RegExp(waiver.patterns[0].patterns[0].match).exec(line)!;
    assert.equal(expiry[2], '2030-01-01');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const contributed = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === grammar.scopeName);
    assert.ok(contributed.injectTo.includes('source.hcl') && contributed.injectTo.includes('source.yaml'));
  });
});
