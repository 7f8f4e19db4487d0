/**
 * Code actions for every finding: its quick fix (preferred only when the engine verified it),
 * "fix all of this rule in the file", "waive here", "show documentation", and a
 * `source.fixAll.enisaHealth` action applying only verified fixes (e.g. on save).
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/findings/types';
import { COMMANDS } from './command-ids';
import { editForFixes } from './fix-edits';
import { findingFor } from './finding-lookup';
import type { ResultStore } from './result-store';
import { toEnginePath } from './vscode-host';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('enisaHealth');

export class FindingCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly store: ResultStore,
    /** Fixes computed from an older text would corrupt the file; offer them only when fresh. */
    private readonly isFresh: (document: vscode.TextDocument) => boolean,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only) {
      if (context.only.contains(FIX_ALL_KIND)) return this.fixAll(document);
      if (!context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    }
    const actions: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const finding = findingFor(this.store, document.uri, diagnostic);
      if (!finding) continue;
      if (finding.fix && this.isFresh(document)) actions.push(this.quickFix(document, finding, diagnostic));
      if (!seenRules.has(finding.ruleId) && this.isFresh(document)) {
        seenRules.add(finding.ruleId);
        const fixAllRule = this.fixAllOfRule(document, finding.ruleId);
        if (fixAllRule) actions.push(fixAllRule);
      }
      actions.push(this.waive(document, finding, diagnostic), this.docs(finding, diagnostic));
    }
    return actions;
  }

  private quickFix(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(finding.fix!.title, vscode.CodeActionKind.QuickFix);
    action.edit = editForFixes([finding], document.uri).edit;
    action.diagnostics = [diagnostic];
    action.isPreferred = finding.fix!.preferred;
    return action;
  }

  private fixAllOfRule(document: vscode.TextDocument, ruleId: string): vscode.CodeAction | undefined {
    const fixable = this.store.findingsOf(toEnginePath(document.uri)).filter((f) => f.ruleId === ruleId && f.fix);
    if (fixable.length < 2) return undefined;
    const action = new vscode.CodeAction(`Fix all ${ruleId} problems in this file (${fixable.length})`, vscode.CodeActionKind.QuickFix);
    action.command = { command: COMMANDS.fixAllOfRule, title: action.title, arguments: [document.uri, ruleId] };
    return action;
  }

  private waive(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(`Waive ${finding.ruleId} here…`, vscode.CodeActionKind.QuickFix);
    action.command = { command: COMMANDS.waive, title: action.title, arguments: [{ uri: document.uri, line: finding.range.start.line, ruleId: finding.ruleId }] };
    action.diagnostics = [diagnostic];
    return action;
  }

  private docs(finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
    action.command = { command: COMMANDS.showRuleDocs, title: action.title, arguments: [finding.ruleId] };
    action.diagnostics = [diagnostic];
    return action;
  }

  private fixAll(document: vscode.TextDocument): vscode.CodeAction[] {
    if (!this.isFresh(document)) return [];
    const verified = this.store.findingsOf(toEnginePath(document.uri)).filter((f) => f.fix?.preferred);
    if (verified.length === 0) return [];
    const action = new vscode.CodeAction('Fix all verified ENISA Health problems', FIX_ALL_KIND);
    action.edit = editForFixes(verified, document.uri).edit;
    return [action];
  }
}
