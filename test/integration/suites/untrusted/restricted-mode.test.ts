import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension/extension';
import { DIAGNOSTIC_SOURCE, waitForDiagnostics } from '../../lib/diagnostics';
import { getExtensionUnderTest, waitForActivation } from '../../lib/extension';
import { openSample } from '../../lib/workspace';

describe('untrusted workspace (Restricted Mode)', function () {
  this.timeout(90_000);

  it('runs in an untrusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still runs the built-in rules and ignores .enisa-health.yaml, telling the user', async () => {
    const extension = getExtensionUnderTest() as vscode.Extension<ExtensionApi>;
    const document = await openSample('terraform/main.tf');
    await waitForActivation(extension, 30_000);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.source === DIAGNOSTIC_SOURCE), 45_000);
    const codes = diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
    assert.ok(codes.includes('aws-kms-key-rotation-enabled'), 'the rule the untrusted config turns off still reports');
    const api = extension.exports;
    const notice = api.trustNotice();
    assert.ok(notice, 'the user was told');
    assert.match(notice, /Restricted Mode/);
    assert.match(notice, /\.enisa-health\.yaml/);
    assert.match(String(api.statusBar.item.tooltip), /Restricted Mode/);
    const deadline = Date.now() + 10_000;
    while (api.statusBar.item.text.startsWith('$(shield) 0 $(error) 0 $(warning)') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!api.statusBar.item.text.startsWith('$(shield) 0 $(error) 0 $(warning)'), `the status bar counts the finding: ${api.statusBar.item.text}`);
    const config = await api.engines.configOf(document.uri);
    assert.notEqual(config.rules['aws-kms-key-rotation-enabled']?.enabled, false);
  });
});
