import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceUri } from '../../lib/workspace';
import { extensionApi } from './api';

describe('editor: commands', function () {
  this.timeout(90_000);

  it('contributes every command under the "ENISA Health" category', async () => {
    const api = await extensionApi();
    const all = await vscode.commands.getCommands(true);
    const contributed: Array<{ command: string; category: string; title: string }> = vscode.extensions.getExtension('enisa-health-lint.enisa-health-lint')!.packageJSON.contributes.commands;
    for (const title of ['Show Compliance Summary', 'Export Compliance Report', 'Scan Workspace', 'Show Waivers', 'Open Rule Catalog', 'Select tfvars File']) {
      const entry = contributed.find((c) => c.title === title);
      assert.ok(entry, title);
      assert.equal(entry.category, 'ENISA Health');
      assert.ok(all.includes(entry.command), `${entry.command} registered`);
    }
    assert.ok(api);
  });

  it('exports the report in Markdown, HTML, SARIF, JSON and CSV', async () => {
    const api = await extensionApi();
    for (const format of ['markdown', 'html', 'sarif', 'json', 'csv']) {
      const target = workspaceUri(`out/report.${format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri>('enisaHealth.exportComplianceReport', format, target);
      assert.equal(written?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.equal(text, api.reportText(format as Parameters<typeof api.reportText>[0]));
      if (format === 'json') assert.equal(JSON.parse(text).summary.findings, api.summary().totals.findings);
      if (format === 'sarif') assert.equal(JSON.parse(text).version, '2.1.0');
      if (format === 'html') assert.match(text, /<html/i);
      if (format === 'csv') assert.match(text, /^ruleId,severity,status,file,line/);
      if (format === 'markdown') assert.match(text, /^# /);
    }
  });

  it('opens a rule from the catalog', async () => {
    const picked = await vscode.commands.executeCommand<string>('enisaHealth.openRuleCatalog', 'aws-cloudtrail-multi-region');
    assert.equal(picked, 'aws-cloudtrail-multi-region');
  });

  it('applies a chosen tfvars file to the engine', async () => {
    const api = await extensionApi();
    const tfvars = workspaceUri('terraform/aws/terraform.tfvars');
    const paths = await vscode.commands.executeCommand<string[]>('enisaHealth.selectTfvarsFile', [tfvars]);
    assert.equal(paths.length, 1);
    assert.ok(paths[0].endsWith('/terraform/aws/terraform.tfvars'));
    assert.deepEqual(api.engines.varFilesFor(tfvars), paths);
  });
});
