import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, waitForDiagnostics } from '../../lib/diagnostics';
import { closeAllEditors, openSample } from '../../lib/workspace';
import { codeOf, fresh, revertAll } from './api';

const ofRule = (ruleId: string) => (list: readonly vscode.Diagnostic[]) => list.filter((d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === ruleId);

async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

describe('editor: code actions', function () {
  this.timeout(90_000);
  afterEach(async () => {
    await revertAll();
    await closeAllEditors();
  });

  it('offers the verified quick fix as preferred, an unverified one not, and applying it removes the finding', async () => {
    const document = await openSample('terraform/aws/main.tf');
    await fresh(document);
    const [kms] = ofRule('aws-kms-key-rotation-enabled')(await waitForDiagnostics(document.uri, (d) => ofRule('aws-kms-key-rotation-enabled')(d).length === 1, 45_000));
    const actions = await actionsAt(document.uri, kms.range);
    const fix = actions.find((a) => a.title === 'Turn on automatic key rotation');
    assert.ok(fix?.edit, `quick fix offered among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Waive aws-kms-key-rotation-enabled here…'));
    assert.ok(actions.some((a) => a.title === 'Show documentation for aws-kms-key-rotation-enabled'));

    const [rds] = ofRule('aws-rds-storage-encrypted')(vscode.languages.getDiagnostics(document.uri));
    const rdsFix = (await actionsAt(document.uri, rds.range)).find((a) => a.title.startsWith('Turn on storage encryption'));
    assert.ok(rdsFix);
    assert.notEqual(rdsFix.isPreferred, true, 'a fix that replaces the database is never preferred');

    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(document.uri, (d) => ofRule('aws-kms-key-rotation-enabled')(d).length === 0, 20_000);
  });

  it('fixes every finding of one rule in the file', async () => {
    const document = await openSample('terraform/aws/main.tf');
    await fresh(document);
    const rule = 'aws-s3-bucket-public-access-blocked';
    const found = ofRule(rule)(await waitForDiagnostics(document.uri, (d) => ofRule(rule)(d).length === 3, 30_000));
    const fixAll = (await actionsAt(document.uri, found[0].range)).find((a) => a.title.startsWith(`Fix all ${rule} problems in this file`));
    assert.ok(fixAll?.command);
    const applied = await vscode.commands.executeCommand<number>(fixAll.command.command, ...(fixAll.command.arguments ?? []));
    assert.equal(applied, 3);
    await waitForDiagnostics(document.uri, (d) => ofRule(rule)(d).length === 0, 20_000);
  });

  it('source.fixAll.enisaHealth applies only the verified fixes', async () => {
    const document = await openSample('terraform/aws/main.tf');
    await fresh(document);
    await waitForDiagnostics(document.uri, (d) => ofRule('aws-rds-storage-encrypted')(d).length === 1, 30_000);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const [fixAll] = await actionsAt(document.uri, whole, 'source.fixAll.enisaHealth');
    assert.ok(fixAll?.edit, 'one fix-all action');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const after = await waitForDiagnostics(document.uri, (d) => ofRule('aws-kms-key-rotation-enabled')(d).length === 0 && ofRule('aws-cloudtrail-multi-region')(d).length === 0, 20_000);
    assert.equal(ofRule('aws-rds-storage-encrypted')(after).length, 1, 'the unverified fix was not applied');
  });

  it('"Show documentation" opens the rule page shipped with the extension', async () => {
    const page = await vscode.commands.executeCommand<vscode.Uri>('enisaHealth.showRuleDocumentation', 'aws-kms-key-rotation-enabled');
    assert.ok(page?.path.endsWith('/docs/rules/aws-kms-key-rotation-enabled.md'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
    assert.match(text, /aws-kms-key-rotation-enabled/);
    assert.equal(await vscode.commands.executeCommand('enisaHealth.showRuleDocumentation', '../../etc/passwd'), undefined);
  });
});
