import * as assert from 'node:assert/strict';
import { DIAGNOSTIC_SOURCE, describeDiagnostic, fromExtension, waitForDiagnostics } from '../../lib/diagnostics';
import { openSample } from '../../lib/workspace';

describe('basics: diagnostics on the AWS sample', () => {
  it(`reports at least one "${DIAGNOSTIC_SOURCE}" problem in terraform/aws/main.tf`, async function () {
    // The first lint of a cold engine is the slow one; keep mocha's limit above the wait's own.
    this.timeout(60_000);
    const document = await openSample('terraform/aws/main.tf');
    assert.equal(document.languageId, 'terraform');
    const diagnostics = await waitForDiagnostics(document.uri, fromExtension(1), 45_000);
    const ours = diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    for (const diagnostic of ours) {
      assert.ok(diagnostic.range.start.line < document.lineCount, `range beyond the file: ${describeDiagnostic(diagnostic)}`);
      assert.ok(diagnostic.message.trim().length > 0, 'a diagnostic without a message');
    }
  });
});
