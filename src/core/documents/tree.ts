/**
 * A syntax-neutral view of structured configuration (YAML, JSON/JSONC, and the flat formats once
 * nested), with exact ranges. Kubernetes and application-config rules navigate this view; the
 * editors in `../edits/` turn fix operations into minimal text edits on the original syntax.
 */
import type { Range } from '../text/position';

export type ScalarValue = string | number | boolean | null;

export type TreeNode = MapNode | SeqNode | ScalarNode | TemplatedNode;

interface NodeBase {
  /** Range of the value (for a map or sequence: from its first to its last character). */
  range: Range;
  /** Range of the key when this node is the value of a map entry. */
  keyRange?: Range;
}

export interface MapEntry {
  key: string;
  keyRange: Range;
  value: TreeNode;
  /** From the start of the key to the end of the value. */
  range: Range;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  entries: MapEntry[];
  /** YAML flow style (`{a: 1}`) or block style; JSON is always flow. */
  flow: boolean;
  /**
   * Template actions on lines of their own (Helm `{{- include "labels" . | nindent 4 }}`) that add
   * entries only known after rendering: a key missing from `entries` may still be set by them.
   */
  templated?: TemplatedNode[];
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: TreeNode[];
  flow: boolean;
  /** Template actions that add items only known after rendering (see `MapNode.templated`). */
  templated?: TemplatedNode[];
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  /** How the scalar was written, so edits can keep the style. */
  style: 'plain' | 'single' | 'double' | 'block' | 'json';
  /** The source text of the scalar. */
  source: string;
}

/**
 * A value produced by a template engine (Helm `{{ ... }}`, `${VAR}` placeholders in compose or
 * Spring): its real value is only known after rendering, so rules treat it as undetermined.
 */
export interface TemplatedNode extends NodeBase {
  kind: 'templated';
  source: string;
  reason: string;
}

export function mapGet(node: TreeNode | undefined, key: string): TreeNode | undefined {
  if (!node || node.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) {
    if (node.entries[i].key === key) return node.entries[i].value;
  }
  return undefined;
}

export function mapEntry(node: TreeNode | undefined, key: string): MapEntry | undefined {
  if (!node || node.kind !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) {
    if (node.entries[i].key === key) return node.entries[i];
  }
  return undefined;
}

/** A parsed structured file: one or more documents (multi-document YAML). */
export interface TreeFile {
  syntax: 'yaml' | 'json';
  text: string;
  documents: TreeDocument[];
  errors: Array<{ message: string; range: Range }>;
  comments: Array<{ text: string; range: Range }>;
}

export interface TreeDocument {
  root: TreeNode | undefined;
  range: Range;
  index: number;
}
