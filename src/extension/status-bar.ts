/** The status bar item: open errors, warnings and undetermined checks; clicking opens the summary. */
import * as vscode from 'vscode';
import { COMMANDS } from './command-ids';
import type { ResultSummary } from '../core/reports';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('enisaHealth.status', vscode.StatusBarAlignment.Left, 20);
  /** Said in the tooltip while the workspace is not trusted. */
  private restrictedNote: string | undefined;
  private totals: ResultSummary | undefined;

  constructor() {
    this.item.name = 'ENISA Health';
    this.item.command = COMMANDS.showSummary;
    this.item.show();
    this.update(undefined);
  }

  setRestrictedNote(note: string | undefined): void {
    this.restrictedNote = note;
    this.update(this.totals);
  }

  update(totals: ResultSummary | undefined): void {
    this.totals = totals;
    const errors = totals?.bySeverity.error ?? 0;
    const warnings = totals?.bySeverity.warning ?? 0;
    const undetermined = totals?.undetermined ?? 0;
    this.item.text = `$(shield) ${errors} $(error) ${warnings} $(warning) ${undetermined} $(question)`;
    const lines = [
      `ENISA Health: ${errors} errors, ${warnings} warnings, ${undetermined} undetermined${totals ? ` in ${totals.files} files` : ''}. Click for the compliance summary.`,
    ];
    if (this.restrictedNote) lines.push(this.restrictedNote);
    this.item.tooltip = lines.join('\n\n');
  }

  dispose(): void {
    this.item.dispose();
  }
}
