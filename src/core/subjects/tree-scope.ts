/** Scopes over YAML/JSON trees (Kubernetes objects, compose files, nested app config). */
import type { Range } from '../text/position';
import type { MapNode, TreeFile, TreeNode } from '../documents/tree';
import type { Lookup, Scope } from './types';

export interface TreeHandle {
  kind: 'tree';
  file: TreeFile;
  /** The map this scope stands for (undefined when the scope is a scalar list item). */
  node: TreeNode;
}

function scalarValue(node: TreeNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) out[e.key] = scalarValue(e.value);
      return out;
    }
    case 'seq':
      return node.items.map(scalarValue);
    default:
      return undefined;
  }
}

/** Plain value of a tree node (maps and lists become objects and arrays). */
export function treeValue(node: TreeNode): unknown {
  return scalarValue(node);
}

function containsTemplate(node: TreeNode, depth = 0): TreeNode | undefined {
  if (depth > 64) return undefined;
  if (node.kind === 'templated') return node;
  if (node.kind === 'map') {
    for (const e of node.entries) {
      const t = containsTemplate(e.value, depth + 1);
      if (t) return t;
    }
  } else if (node.kind === 'seq') {
    for (const i of node.items) {
      const t = containsTemplate(i, depth + 1);
      if (t) return t;
    }
  }
  return undefined;
}

/** A scope's node and where findings about it point when it lacks what a rule looks for. */
export interface TreeSite {
  node: TreeNode;
  headerRange: Range;
}

export class TreeScope implements Scope {
  private placedNode: TreeNode | undefined;
  private placedHeader: Range | undefined;
  /** Finds the node on first use: a document moved by an edit is copied only if read (yaml/moved-document.ts). */
  private locate: (() => TreeSite) | undefined;
  private madeHandle: TreeHandle | undefined;

  constructor(tree: TreeFile, node: TreeNode, headerRange: Range);
  /** With a function, the site is found on first use. */
  constructor(tree: TreeFile, site: TreeSite | (() => TreeSite));
  constructor(
    readonly tree: TreeFile,
    node: TreeNode | TreeSite | (() => TreeSite),
    headerRange?: Range,
  ) {
    if (typeof node === 'function') this.locate = node;
    else if (headerRange) {
      this.placedNode = node as TreeNode;
      this.placedHeader = headerRange;
    } else {
      this.placedNode = (node as TreeSite).node;
      this.placedHeader = (node as TreeSite).headerRange;
    }
  }

  get node(): TreeNode {
    if (this.locate) this.settle();
    return this.placedNode!;
  }

  get headerRange(): Range {
    if (this.locate) this.settle();
    return this.placedHeader!;
  }

  get handle(): TreeHandle {
    return (this.madeHandle ??= { kind: 'tree', file: this.tree, node: this.node });
  }

  private settle(): void {
    const site = this.locate!();
    this.locate = undefined;
    this.placedNode = site.node;
    this.placedHeader = site.headerRange;
  }

  resolve(path: string[]): Lookup[] {
    const out: Lookup[] = [];
    this.walk(this.node, path, 0, this.headerRange, out);
    return out;
  }

  private walk(node: TreeNode, path: string[], i: number, anchor: Range, out: Lookup[]): void {
    if (node.kind === 'templated') {
      out.push({ state: 'unknown', reason: node.reason, range: node.range, origins: [] });
      return;
    }
    if (i === path.length) {
      const templated = node.kind === 'scalar' ? undefined : containsTemplate(node);
      if (templated && templated.kind === 'templated') {
        out.push({ state: 'unknown', reason: templated.reason, range: templated.range, origins: [] });
        return;
      }
      out.push({ state: 'known', value: scalarValue(node), range: node.range, keyRange: node.keyRange, origins: [] });
      return;
    }
    const segment = path[i];
    if (node.kind === 'seq') {
      const index = /^\d+$/.test(segment) ? Number(segment) : undefined;
      if (index !== undefined) {
        const item = node.items[index];
        if (item) this.walk(item, path, i + 1, anchor, out);
        else out.push({ state: 'absent', anchor, scope: this, path });
        return;
      }
      if (node.items.length === 0) {
        out.push({ state: 'absent', anchor, scope: this, path });
        return;
      }
      for (const item of node.items) this.walk(item, path, i, anchor, out);
      return;
    }
    if (node.kind === 'map') {
      let entry;
      for (let k = node.entries.length - 1; k >= 0; k--) {
        if (node.entries[k].key === segment) {
          entry = node.entries[k];
          break;
        }
      }
      if (!entry) {
        // A template line (`{{- include ... }}`) may add the key when the chart is rendered.
        const hidden = node.templated?.[0];
        if (hidden) out.push({ state: 'unknown', reason: hidden.reason, range: hidden.range, origins: [] });
        else out.push({ state: 'absent', anchor, scope: this, path });
        return;
      }
      this.walk(entry.value, path, i + 1, entry.keyRange, out);
      return;
    }
    // A scalar where a map was expected (e.g. `securityContext: null`): the path is absent.
    out.push({ state: 'absent', anchor, scope: this, path });
  }

  items(path: string[]): Scope[] {
    let nodes: Array<{ node: TreeNode; anchor: Range }> = [{ node: this.node, anchor: this.headerRange }];
    for (const segment of path) {
      const next: Array<{ node: TreeNode; anchor: Range }> = [];
      for (const { node } of nodes) {
        if (node.kind !== 'map') continue;
        const entry = lastEntry(node.entries, segment);
        if (entry) next.push({ node: entry.value, anchor: entry.keyRange });
      }
      nodes = next;
    }
    const scopes: Scope[] = [];
    for (const { node, anchor } of nodes) {
      if (node.kind === 'seq') {
        for (const item of node.items) scopes.push(new TreeScope(this.tree, item, itemHeader(item) ?? anchor));
      } else if (node.kind === 'map') {
        scopes.push(new TreeScope(this.tree, node, anchor));
      }
    }
    return scopes;
  }
}

/** A list item is best pointed at by its `name:` entry when it has one (containers, ports). */
export function itemHeader(item: TreeNode): Range | undefined {
  if (item.kind !== 'map') return item.range;
  const name = item.entries.find((e) => e.key === 'name');
  return name ? name.range : item.entries[0]?.range ?? item.range;
}

export function mapOf(node: TreeNode | undefined): MapNode | undefined {
  return node && node.kind === 'map' ? node : undefined;
}

/** The last entry with this key (the one YAML keeps when a key repeats), without copying the list. */
function lastEntry<E extends { key: string }>(entries: readonly E[], key: string): E | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i];
  return undefined;
}
