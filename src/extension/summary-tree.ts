/** The "Compliance" tree view in the ENISA Health activity bar container. */
import * as vscode from 'vscode';
import type { SummaryNode } from './summary-groups';
import { reportPathUri } from './workspace-report';

const ICONS: Record<NonNullable<SummaryNode['icon']>, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  waiver: new vscode.ThemeIcon('watch'),
  group: new vscode.ThemeIcon('list-tree'),
};

export class SummaryTreeProvider implements vscode.TreeDataProvider<SummaryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: SummaryNode[] = [];

  constructor(private readonly build: () => SummaryNode[]) {}

  refresh(): void {
    this.roots = this.build();
    this.changed.fire();
  }

  getChildren(node?: SummaryNode): SummaryNode[] {
    if (!node) return this.roots;
    return node.children ?? [];
  }

  getTreeItem(node: SummaryNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.label,
      node.children && node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = ICONS[node.icon];
    if (node.location) {
      const position = new vscode.Position(node.location.line, node.location.column);
      item.command = {
        command: 'vscode.open',
        title: 'Open',
        arguments: [reportPathUri(node.location.file), { selection: new vscode.Range(position, position) }],
      };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
