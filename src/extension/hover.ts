/** Hovers on a finding's range and on resource, object and block headers. */
import * as vscode from 'vscode';
import { belongsToHeader, subjectHeaderAt } from '../core/subjects/header-at-line';
import type { ReportCatalog } from '../core/reports/types';
import type { RuleMeta } from '../core/rules/types';
import { COMMANDS } from './command-ids';
import { findingsAt } from './finding-lookup';
import { findingHoverMarkdown, subjectHoverMarkdown, type HoverLinks } from './hover-markdown';
import type { ResultStore } from './result-store';
import { toEnginePath } from './vscode-host';

export const HOVER_LINKS: HoverLinks = {
  docs: (ruleId) => `command:${COMMANDS.showRuleDocs}?${encodeURIComponent(JSON.stringify([ruleId]))}`,
};

export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: ResultStore,
    private readonly rules: (uri: vscode.Uri) => Promise<readonly RuleMeta[]>,
    private readonly catalog: ReportCatalog,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const rules = new Map((await this.rules(document.uri)).map((rule) => [rule.id, rule]));
    const parts: string[] = [];
    for (const finding of findingsAt(this.store, document.uri, position)) {
      parts.push(findingHoverMarkdown(finding, rules.get(finding.ruleId), this.catalog, HOVER_LINKS));
    }
    const path = toEnginePath(document.uri);
    const header = subjectHeaderAt(path, document.getText(), position.line);
    if (header) {
      const subject = subjectHoverMarkdown(
        {
          resource: header.resource,
          passes: this.store.passesOf(path).filter((p) => belongsToHeader(header, p.resource)),
          failures: this.store.findingsOf(path).filter((f) => belongsToHeader(header, f.resource)),
          waived: this.store.suppressedOf(path).filter((f) => belongsToHeader(header, f.resource)),
        },
        rules,
        HOVER_LINKS,
      );
      if (subject) parts.push(subject);
    }
    if (parts.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    markdown.isTrusted = { enabledCommands: [COMMANDS.showRuleDocs] };
    return new vscode.Hover(markdown);
  }
}
