/** Subjects for predicate tests of the application-configuration and compose packs. */
import { parseAppConfig } from '../../../src/core/appconfig';
import { classifyFile, type DocumentKind } from '../../../src/core/documents/classify';
import { defaultConfig } from '../../../src/core/config/defaults';
import { ComposeServiceSubject, ConfigSubject, firstLineRange } from '../../../src/core/subjects/config-subjects';
import type { Subject } from '../../../src/core/subjects/types';
import { parseYamlTree } from '../../../src/core/yaml/parse-yaml';
import { evaluateCondition, type EvalContext, type Evidence } from '../../../src/core/rules/evaluate';
import '../../../src/core/rules/predicates';

/** The configuration subject the engine builds for a file, classified by its name and content. */
export function configSubject(path: string, text: string, kind?: DocumentKind): ConfigSubject {
  const resolved = kind ?? classifyFile(path, text);
  const parsed = parseAppConfig(path, text, resolved);
  const target = resolved === 'mosquitto' ? 'mosquitto' : 'app-config';
  return new ConfigSubject(target, resolved, `${resolved} ${path}`, path, parsed.config, firstLineRange(text), text, parsed.tree);
}

/** The compose service subjects of a compose file, by service name. */
export function composeServices(text: string, path = '/p/docker-compose.yml'): Map<string, ComposeServiceSubject> {
  const tree = parseYamlTree(text);
  const out = new Map<string, ComposeServiceSubject>();
  const root = tree.documents[0]?.root;
  const services = root?.kind === 'map' ? root.entries.find((e) => e.key === 'services')?.value : undefined;
  if (services?.kind !== 'map') return out;
  for (const entry of services.entries) {
    if (entry.value.kind === 'map') out.set(entry.key, new ComposeServiceSubject(tree, entry.value, entry.keyRange, `service "${entry.key}"`, path));
  }
  return out;
}

export function runPredicate(name: string, subject: Subject, args: Record<string, unknown> = {}): Evidence {
  const ctx: EvalContext = { config: defaultConfig(), subject, related: () => [] };
  return evaluateCondition({ predicate: name, args }, subject, ctx);
}

/** Every failing place of an evidence (the first one and those travelling along). */
export function failures(evidence: Evidence): Evidence[] {
  return evidence.outcome === 'fail' ? [evidence, ...(evidence.others ?? [])] : [];
}

/** The source text an evidence points at. */
export function pointedText(text: string, evidence: Evidence): string {
  return evidence.range ? text.slice(evidence.range.start.offset, evidence.range.end.offset) : '';
}
