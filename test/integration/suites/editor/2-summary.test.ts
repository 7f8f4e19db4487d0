import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workspaceRoot } from '../../lib/workspace';
import { extensionApi } from './api';

/** The repository root, from out/test/integration/suites/editor/. */
const REPO = path.resolve(__dirname, '../../../../..');

function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(REPO, 'dist/cli.js'), ...args], { cwd: workspaceRoot().fsPath, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit code 1 means "findings"; only 2 is a failure of the run.
      if (error && (error as { code?: number }).code !== 1) reject(new Error(`cli failed: ${stderr}`));
      else resolve(stdout);
    });
  });
}

describe('editor: the compliance summary matches the CLI', function () {
  this.timeout(120_000);

  it('has the same totals, per-rule counts and report text as `enisa-health-lint scan .`', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('enisaHealth.scanWorkspace');
    const summary = api.summary();
    const fromCli = JSON.parse(await cli(['scan', '.', '--format', 'json']));
    assert.ok(summary.totals.findings > 0);
    assert.deepEqual(summary.totals, fromCli.summary);
    assert.equal(api.reportText('markdown'), await cli(['scan', '.', '--format', 'markdown']));
    assert.equal(api.reportText('csv'), await cli(['scan', '.', '--format', 'csv']));
    console.log(`      summary: ${summary.totals.files} files, ${summary.totals.findings} findings, ${summary.totals.passes} passes — same as the CLI`);
  });

  it('shows the numbers in the webview, the tree and the status bar', async () => {
    const api = await extensionApi();
    const summary = await vscode.commands.executeCommand<ReturnType<typeof api.summary>>('enisaHealth.showComplianceSummary');
    assert.ok(api.panel.visible, 'the summary panel is open');
    const html = api.panel.lastHtml;
    assert.match(html, new RegExp(`data-findings="${summary.totals.findings}"`));
    assert.match(html, /Content-Security-Policy" content="default-src 'none';/);
    assert.ok(!/(src|href)=["']?https?:/i.test(html), 'no remote resources');
    assert.match(html, /script-src 'nonce-[A-Za-z0-9]{32}'/);
    for (const family of summary.byFamily) assert.ok(html.includes(`${family.label}`), `family ${family.label} charted`);
    assert.match(html, /<svg role="img"/);

    const roots = api.tree.getChildren();
    assert.deepEqual(roots.map((r) => r.label), ['Control families', 'ENISA use cases', 'Files', 'Waivers expiring within 30 days']);
    const families = roots[0].children ?? [];
    assert.equal(families.length, summary.byFamily.length);
    const leaf = families.flatMap((f) => f.children ?? []).flatMap((c) => c.children ?? []).flatMap((r) => r.children ?? [])[0];
    assert.ok(leaf?.location, 'findings are leaves with a location');
    const item = api.tree.getTreeItem(leaf);
    assert.equal(item.command?.command, 'vscode.open');
    const useCases = roots[1].children ?? [];
    assert.equal(useCases.length, summary.byUseCase.length);

    assert.equal(api.statusBar.item.command, 'enisaHealth.showComplianceSummary');
    assert.ok(api.statusBar.item.text.includes(`${summary.totals.bySeverity.error} $(error)`), api.statusBar.item.text);
  });
});
