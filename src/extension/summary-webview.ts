/** The overview webview: one panel, re-rendered when results change. */
import * as vscode from 'vscode';
import { COMMANDS, SUMMARY_PANEL_TYPE } from './command-ids';
import { expiringWaivers } from './summary-groups';
import { summaryHtml } from './summary-html';
import type { ComplianceSummary } from '../core/reports';
import { reportPathUri } from './workspace-report';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The HTML last rendered, for tests and screenshots. */
  lastHtml = '';

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly summary: () => ComplianceSummary,
  ) {}

  get visible(): boolean {
    return this.panel !== undefined;
  }

  show(): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(SUMMARY_PANEL_TYPE, 'ENISA Health: Compliance Summary', vscode.ViewColumn.Active, {
        enableScripts: true,
        // Nothing is loaded from disk; the page is self-contained.
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { type: string; file?: string; line?: number }) => {
        if (message.type === 'export') void vscode.commands.executeCommand(COMMANDS.exportReport);
        if (message.type === 'open' && message.file) {
          const line = message.line ?? 0;
          void vscode.window.showTextDocument(reportPathUri(message.file), { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.Beside });
        }
      });
    }
    this.render();
    this.panel.reveal();
  }

  render(): void {
    if (!this.panel) return;
    const summary = this.summary();
    this.lastHtml = summaryHtml(summary, { nonce: nonce(), cspSource: this.panel.webview.cspSource, expiring: expiringWaivers(summary.waivers, today()) });
    this.panel.webview.html = this.lastHtml;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
