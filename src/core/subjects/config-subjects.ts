/** Application configuration, compose services and broker configuration as subjects. */
import type { Range } from '../text/position';
import type { FlatConfig } from '../documents/flat';
import type { MapNode, TreeFile } from '../documents/tree';
import type { RuleTarget } from '../rules/types';
import { FlatScope } from './flat-scope';
import { TreeScope } from './tree-scope';
import type { Subject } from './types';

export class ConfigSubject extends FlatScope implements Subject {
  readonly tags: Record<string, string> = {};
  /** A HAPI FHIR application.yaml is also a Spring Boot configuration. */
  readonly aliases: readonly string[];

  constructor(
    readonly target: RuleTarget,
    readonly type: string,
    readonly name: string,
    readonly file: string,
    config: FlatConfig,
    headerRange: Range,
    text: string,
    tree?: TreeFile,
  ) {
    super(config, headerRange, text, tree);
    this.aliases = type === 'hapi-fhir-config' ? ['spring-config'] : [];
  }
}

export class ComposeServiceSubject extends TreeScope implements Subject {
  readonly target = 'compose' as const;
  readonly type = 'compose-service';
  readonly tags: Record<string, string>;

  constructor(
    tree: TreeFile,
    node: MapNode,
    headerRange: Range,
    readonly name: string,
    readonly file: string,
  ) {
    super(tree, node, headerRange);
    this.tags = {};
    const labels = node.entries.find((e) => e.key === 'labels')?.value;
    if (labels && labels.kind === 'map') {
      for (const e of labels.entries) if (e.value.kind === 'scalar' && typeof e.value.value === 'string') this.tags[e.key] = e.value.value;
    }
  }
}

/** The first line of a file: where findings about a missing key point. */
export function firstLineRange(text: string): Range {
  const end = text.search(/\r|\n/);
  const length = end < 0 ? text.length : end;
  return { start: { offset: 0, line: 0, column: 0 }, end: { offset: length, line: 0, column: length } };
}
