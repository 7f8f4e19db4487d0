import * as assert from 'node:assert/strict';
import { formatReport } from '../../../src/core/reports';
import { sampleInput } from './sample-input';
import { assertWellFormed } from './xml-check';

/** Splits a Markdown table row on the pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}`);
  assert.ok(start >= 0, `section ${title}`);
  const next = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe('Markdown compliance report', () => {
  const markdown = formatReport('markdown', sampleInput({ baselined: 2 }));

  it('has the headline and every section', () => {
    assert.match(markdown, /^# enisa-health-lint compliance report/);
    assert.match(markdown, /5 files, 4 findings \(2 errors, 1 warning, 1 info\), 1 needs review, 2 waived, 3 checks passed, 2 hidden by the baseline/);
    for (const title of ['By control family', 'By ENISA health-care use case', 'By file', 'By rule', 'Findings', 'Waivers', 'Not linted', 'Internal rule errors']) {
      section(markdown, title);
    }
  });

  it('keeps every table row at the header width although messages contain pipes and newlines', () => {
    const findings = section(markdown, 'Findings').split('\n').filter((line) => line.startsWith('|'));
    const width = cells(findings[0]).length;
    assert.equal(width, 7);
    assert.equal(findings.length, 2 + 4);
    for (const row of findings) assert.equal(cells(row).length, width, row);
  });

  it('escapes markup in messages', () => {
    assert.ok(!markdown.includes('<script>'));
    assert.ok(markdown.includes('&lt;script'));
    assert.ok(markdown.includes('aws\\_s3\\_bucket.records'));
  });

  it('shows family counts and waivers with expiry', () => {
    assert.match(section(markdown, 'By control family'), /\| network \| 1 \| 0 \| 1 \| 1 \|/);
    assert.match(section(markdown, 'Waivers'), /2099-12-31 \| yes \|/);
    assert.match(section(markdown, 'Waivers'), /2020-01-01 \| no \(expired or not allowed\) \|/);
  });
});

describe('HTML compliance report', () => {
  const html = formatReport('html', sampleInput());

  it('is a standalone, well-formed page without scripts or remote resources', () => {
    assert.match(html, /^<!DOCTYPE html>/);
    assertWellFormed(html, true);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\bsrc=|\bhref=|@import|url\(/i);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.match(html, /<style>[\s\S]*<\/style>/);
  });

  it('escapes every text', () => {
    assert.ok(html.includes('Bucket &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 100% open'));
    assert.ok(html.includes('<td>Network security &lt;boundaries&gt;</td>') === false, 'control titles are not table cells');
    assert.ok(html.includes('<td>aws_s3_bucket.records</td>'));
  });

  it('renders the same sections as the Markdown report, with severity classes', () => {
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['By control family', 'By ENISA health-care use case', 'By file', 'By rule', 'Findings', 'Waivers', 'Not linted', 'Internal rule errors']);
    assert.match(html, /<td class="sev-error">error<\/td>/);
    assert.ok(html.includes('<tr><td>network</td><td class="num">1</td><td class="num">0</td><td class="num">1</td><td class="num">1</td></tr>'));
  });
});
