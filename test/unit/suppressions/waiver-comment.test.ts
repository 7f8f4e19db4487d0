import * as assert from 'node:assert/strict';
import { parseWaiverComment } from '../../../src/core/suppressions/parse';
import { addDays, appendWaiverFileEntry, cleanReason, formatWaiverComment, waiverLineAbove, waiverStyleFor } from '../../../src/core/suppressions/waiver-comment';
import { parseWaiverFile } from '../../../src/core/engine/waiver-file';

const NOWHERE = { start: { offset: 0, line: 0, column: 0 }, end: { offset: 0, line: 0, column: 0 } };

describe('suppressions: writing waivers', () => {
  it('picks the comment syntax of each format', () => {
    assert.equal(waiverStyleFor('/w/terraform/main.tf'), '#');
    assert.equal(waiverStyleFor('/w/k8s/app.yaml'), '#');
    assert.equal(waiverStyleFor('/w/app/application.properties'), '#');
    assert.equal(waiverStyleFor('/w/.env'), '#');
    assert.equal(waiverStyleFor('/w/mqtt/mosquitto.conf'), '#');
    assert.equal(waiverStyleFor('/w/portal/appsettings.Production.json'), '//');
    assert.equal(waiverStyleFor('/w/orthanc/orthanc.json'), '//');
    assert.equal(waiverStyleFor('/w/x.jsonc'), '//');
    assert.equal(waiverStyleFor('/w/main.tf.json'), 'file');
    assert.equal(waiverStyleFor('/w/k8s/deploy.json'), 'file');
  });

  it('writes comments the parser reads back identically', () => {
    for (const style of ['#', '//'] as const) {
      const text = formatWaiverComment(style, { ruleId: 'aws-rds-storage-encrypted', reason: 'Snapshot-only, ticket SEC-1', expires: '2030-01-31' });
      const parsed = parseWaiverComment(text, NOWHERE)!;
      assert.deepEqual(parsed.ruleIds, ['aws-rds-storage-encrypted']);
      assert.equal(parsed.reason, 'Snapshot-only, ticket SEC-1');
      assert.equal(parsed.expires, '2030-01-31');
      assert.deepEqual(parsed.problems, []);
    }
  });

  it('keeps a hostile reason from changing the parse', () => {
    const text = formatWaiverComment('#', { ruleId: 'r', reason: 'a -- b\nexpires 1999-01-01 c' });
    const parsed = parseWaiverComment(text, NOWHERE)!;
    assert.equal(parsed.expires, undefined);
    assert.deepEqual(parsed.ruleIds, ['r']);
    assert.equal(cleanReason('  two\n lines '), 'two lines');
  });

  it('indents the comment like the line it waives', () => {
    assert.equal(waiverLineAbove('#', '    acl = "public-read"', { ruleId: 'r', reason: 'x' }), '    # enisa-health-ignore r -- x\n');
    assert.equal(waiverLineAbove('//', '\t"AuthenticationEnabled": false', { ruleId: 'r', reason: 'x' }, '\r\n'), '\t// enisa-health-ignore r -- x\r\n');
  });

  it('appends entries to the waiver file that the engine reads back', () => {
    const first = appendWaiverFileEntry(undefined, { ruleId: 'orthanc-authentication-enabled', file: 'config/orthanc.json', reason: 'Proxy auth', expires: '2030-02-01' });
    const second = appendWaiverFileEntry(first, { ruleId: 'k8s-x', file: 'k8s/a.json', resource: 'Deployment a', reason: 'Later' });
    const sites = parseWaiverFile('/w/.enisa-health-waivers.yaml', second, '/w');
    assert.equal(sites.length, 2);
    assert.deepEqual(sites[0].ruleIds, ['orthanc-authentication-enabled']);
    assert.equal(sites[0].file, '/w/config/orthanc.json');
    assert.equal(sites[0].expires, '2030-02-01');
    assert.equal(sites[1].resource, 'Deployment a');
    assert.deepEqual(sites.flatMap((s) => s.problems), []);
  });

  it('keeps comments already in the waiver file', () => {
    const text = appendWaiverFileEntry('# reviewed by the DPO\nwaivers:\n  - rule: a\n    file: b.json\n    reason: c\n', { ruleId: 'd', file: 'e.json', reason: 'f' });
    assert.match(text, /# reviewed by the DPO/);
    assert.equal(parseWaiverFile('/w/x.yaml', text, '/w').length, 2);
  });

  it('adds days across month and year ends', () => {
    assert.equal(addDays('2025-12-15', 30), '2026-01-14');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  });
});
