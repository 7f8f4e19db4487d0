import * as assert from 'node:assert/strict';
import { csvField, formatCsv, formatReport, REPORT_FORMATS } from '../../../src/core/reports';
import { sampleInput, sampleResult, TRICKY_MESSAGE } from './sample-input';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('reports: CSV', () => {
  it('is one of the report formats', () => {
    assert.ok(REPORT_FORMATS.includes('csv'));
    assert.equal(formatReport('csv', sampleInput()), formatCsv(sampleInput()));
  });

  it('has a header and one row per finding and waived finding, 1-based positions', () => {
    const result = sampleResult();
    const rows = parseCsv(formatCsv(sampleInput()));
    assert.equal(rows[0][0], 'ruleId');
    assert.equal(rows.length, 1 + result.findings.length + result.suppressed.length);
    const first = rows.find((r) => r[0] === result.findings[0].ruleId && r[3] === result.findings[0].file)!;
    assert.ok(first, 'the first finding has a row');
    const waived = rows.filter((r) => r[2] === 'waived');
    assert.equal(waived.length, result.suppressed.length);
    for (const r of rows.slice(1)) assert.equal(r.length, rows[0].length);
    const lines = rows.slice(1).map((r) => Number(r[4]));
    assert.ok(lines.every((n) => n >= 1));
  });

  it('quotes commas, quotes and line breaks so the message survives a round trip', () => {
    const rows = parseCsv(formatCsv(sampleInput()));
    assert.ok(rows.some((r) => r[7] === TRICKY_MESSAGE), 'the tricky message comes back intact');
  });

  it('defuses cells a spreadsheet would evaluate', () => {
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-1'), "'-1");
    assert.equal(csvField('plain'), 'plain');
  });
});
