/**
 * Secrets written in clear into manifests: secret-looking ConfigMap keys (and secret settings
 * inside configuration files a ConfigMap carries), and the data of Secret manifests kept in the
 * repository. Literal environment values are in `k8s-env-secret-literals.ts`.
 */
import { LineIndex, type Range } from '../../text/position';
import { mapGet, type ScalarNode, type TreeFile } from '../../documents/tree';
import type { Lookup, Scope } from '../../subjects/types';
import { combineAll, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { kubernetesSubject, pass } from './k8s-context';
import { secretLiteralReason } from './k8s-secret-names';

function known(node: ScalarNode): Lookup & { state: 'known' } {
  return { state: 'known', value: node.value, range: node.range, origins: [] };
}

function failAtRange(range: Range, scope: Scope, valueText: string): Evidence {
  return { outcome: 'fail', range, origins: [], scope, valueText };
}

/** `key = value`, `key: value`, `"key": "value",` and `export KEY=value` lines of an embedded file. */
const SETTING_LINE = /^(\s*(?:export\s+)?(["']?)([A-Za-z0-9_.[\]-]+)\2\s*[:=]\s*)(.*?)\s*$/;

function unquote(raw: string): { text: string; start: number; end: number } {
  let start = 0;
  let end = raw.length;
  if (raw.endsWith(',')) end--;
  while (end > start && /\s/.test(raw[end - 1])) end--;
  const first = raw[start];
  if ((first === '"' || first === "'") && end - start >= 2 && raw[end - 1] === first) {
    start++;
    end--;
  }
  return { text: raw.slice(start, end), start, end };
}

/** Secret settings inside a multi-line block scalar (an `application.properties`, a `.env`, ...). */
function embeddedSecrets(file: TreeFile, index: LineIndex, node: ScalarNode, scope: Scope): Evidence[] {
  const out: Evidence[] = [];
  const first = node.range.start.line;
  const last = node.range.end.line;
  for (let line = first; line <= last; line++) {
    const lineStart = index.lineStart(line);
    const from = Math.max(lineStart, node.range.start.offset);
    const to = Math.min(index.lineEnd(line), node.range.end.offset);
    const text = file.text.slice(from, to);
    if (/^\s*(#|\/\/|;|<)/.test(text)) continue;
    const match = SETTING_LINE.exec(text);
    if (!match || match[4] === '') continue;
    // YAML-style lines may end in a comment; in .properties and .env files `#` belongs to the value.
    const yamlStyle = match[1].trimEnd().endsWith(':');
    const raw = yamlStyle ? match[4].replace(/\s+#.*$/, '') : match[4];
    const value = unquote(raw);
    const reason = secretLiteralReason(match[3], value.text);
    if (!reason) continue;
    const valueStart = from + match[1].length + value.start;
    out.push(failAtRange(index.range(valueStart, valueStart + value.text.length), scope, reason));
  }
  return out;
}

registerPredicate('k8s-configmap-no-secret-literal', (scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const data = mapGet(subject.object.root, 'data');
  if (!data || data.kind !== 'map') return pass();
  const failures: Evidence[] = [];
  let index: LineIndex | undefined;
  for (const entry of data.entries) {
    const node = entry.value;
    if (node.kind !== 'scalar' || node.value === null) continue;
    const text = String(node.value);
    if (text.includes('\n')) {
      if (node.style !== 'block') continue;
      index ??= new LineIndex(subject.tree.text);
      failures.push(...embeddedSecrets(subject.tree, index, node, scope));
      continue;
    }
    const reason = secretLiteralReason(entry.key, text);
    if (reason) failures.push({ outcome: 'fail', range: node.range, origins: [], lookup: known(node), scope, valueText: reason });
  }
  return failures.length ? combineAll(failures) : pass();
});

/**
 * Entries the Service Binding specification (servicebinding.io) defines as describing where the
 * service is, not how to log in: a binding Secret carries them next to its credentials.
 */
const SERVICE_BINDING_LOCATORS = new Set(['type', 'provider', 'host', 'port', 'database']);

function isServiceBindingLocator(secretType: unknown, key: string): boolean {
  return typeof secretType === 'string' && secretType.startsWith('servicebinding.io/') && SERVICE_BINDING_LOCATORS.has(key.toLowerCase());
}

/**
 * A Secret manifest with values: base64 is an encoding, not protection, so the values are as good
 * as written in clear. SOPS-encrypted files (a top-level `sops` key, `ENC[...]` values) pass, and
 * so do the location entries of a service binding Secret (its credentials are still reported).
 */
registerPredicate('k8s-secret-manifest-no-data', (scope, _args, ctx): Evidence => {
  const subject = kubernetesSubject(ctx);
  const root = subject.object.root;
  if (mapGet(root, 'sops') !== undefined) return pass();
  const typeNode = mapGet(root, 'type');
  const secretType = typeNode?.kind === 'scalar' ? typeNode.value : undefined;
  const failures: Evidence[] = [];
  for (const field of ['data', 'stringData']) {
    const map = mapGet(root, field);
    if (!map || map.kind !== 'map') continue;
    for (const entry of map.entries) {
      const node = entry.value;
      if (node.kind !== 'scalar' || node.value === null) continue;
      if (isServiceBindingLocator(secretType, entry.key)) continue;
      const text = String(node.value).trim();
      if (text === '' || text.startsWith('ENC[')) continue;
      failures.push({ outcome: 'fail', range: node.range, origins: [], lookup: known(node), scope, valueText: `${field}.${entry.key}` });
    }
  }
  return failures.length ? combineAll(failures) : pass();
});
