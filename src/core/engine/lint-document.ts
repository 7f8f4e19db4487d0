/** Lints one non-Terraform file: Kubernetes, compose, application and broker configuration. */
import type { Range } from '../text/position';
import type { EngineConfig } from '../config/types';
import type { FileReport, Finding } from '../findings/types';
import type { TreeFile, TreeNode } from '../documents/tree';
import type { DocumentKind } from '../documents/classify';
import type { Rule } from '../rules/rule';
import type { RuleTarget } from '../rules/types';
import type { EvalContext } from '../rules/evaluate';
import type { Subject } from '../subjects/types';
import { parseYamlTree } from '../yaml/parse-yaml';
import { parseJsonTree } from '../yaml/parse-json';
import { parseAppConfig } from '../appconfig';
import { kubernetesObjects, type K8sObject } from '../kubernetes/objects';
import { kubernetesSubjects } from '../subjects/kubernetes-subjects';
import { ComposeServiceSubject, ConfigSubject, firstLineRange } from '../subjects/config-subjects';
import { runRules, type RuleRunOutput } from './run-rules';
import type { KubernetesMemo } from './incremental-kubernetes';
import { waiverSites } from './waiver-sites';
import type { WaiverSite } from '../suppressions/apply';
import { parseErrorFinding } from './parse-error';
import { attachManifestContext, type ManifestContext } from '../kubernetes/manifest-set';
import { findingsForPatch } from '../kubernetes/patch-findings';
import { newEvalContext } from '../rules/eval-context';

const noRelated: EvalContext['related'] = () => [];

export interface DocumentRunOutput extends RuleRunOutput {
  file: FileReport;
  waivers: WaiverSite[];
}

const APP_CONFIG_KINDS = new Set<DocumentKind>(['spring-config', 'hapi-fhir-config', 'aspnet-config', 'orthanc-config', 'dotenv', 'properties']);

function treeSpans(file: TreeFile): Range[] {
  const spans: Range[] = [];
  // YAML aliases share one node among many parents: each node's spans are taken once, or a small
  // "billion laughs" file would be walked exponentially often.
  const visited = new Set<TreeNode>();
  const walk = (node: TreeNode | undefined, depth: number) => {
    if (!node || depth > 64 || visited.has(node)) return;
    visited.add(node);
    if (node.kind === 'map') {
      for (const e of node.entries) {
        spans.push(e.range);
        walk(e.value, depth + 1);
      }
    } else if (node.kind === 'seq') {
      for (const i of node.items) {
        spans.push(i.range);
        walk(i, depth + 1);
      }
    }
  };
  for (const doc of file.documents) {
    if (doc.root) spans.push(doc.root.range);
    walk(doc.root, 0);
  }
  return spans;
}

function isJsonPath(path: string): boolean {
  return /\.jsonc?$/i.test(path);
}

function parseTree(path: string, text: string): TreeFile {
  return isJsonPath(path) ? parseJsonTree(text) : parseYamlTree(text);
}

function composeSubjects(tree: TreeFile, path: string): Subject[] {
  const subjects: Subject[] = [];
  for (const doc of tree.documents) {
    const root = doc.root;
    if (!root || root.kind !== 'map') continue;
    const services = root.entries.find((e) => e.key === 'services')?.value;
    if (!services || services.kind !== 'map') continue;
    for (const entry of services.entries) {
      if (entry.value.kind !== 'map') continue;
      subjects.push(new ComposeServiceSubject(tree, entry.value, entry.keyRange, `service "${entry.key}"`, path));
    }
  }
  return subjects;
}

/**
 * `manifests`: the Kubernetes file's manifest set and patch role, when the engine read them.
 * `memo`: the outcomes of this file's previous lint, reused where nothing they read changed.
 * `buildFixes`: false when the caller shows no quick fix (see `LintOptions.fixes`).
 */
export function lintDocument(
  path: string,
  text: string,
  kind: DocumentKind,
  rules: Rule[],
  config: EngineConfig,
  manifests?: ManifestContext,
  memo?: KubernetesMemo,
  buildFixes = true,
): DocumentRunOutput {
  let subjects: Subject[] = [];
  let target: RuleTarget | undefined;
  let errors: Array<{ message: string; range: Range }> = [];
  let comments: Array<{ text: string; range: Range }> = [];
  // Spans only matter to waiver comments, which most files have none of: walked only then.
  let spanTree: TreeFile | undefined;
  let patchOf: { tree: TreeFile; objects: K8sObject[] } | undefined;
  let memoTree: TreeFile | undefined;
  let memoObjects: K8sObject[] = [];

  if (kind === 'kubernetes' || kind === 'helm-template' || kind === 'compose') {
    // The manifest set may already have parsed this very text.
    const tree = manifests?.self?.tree.text === text ? manifests.self.tree : parseTree(path, text);
    errors = tree.errors;
    comments = tree.comments;
    spanTree = tree;
    if (kind === 'compose') {
      target = 'compose';
      subjects = composeSubjects(tree, path);
    } else {
      target = 'kubernetes';
      memoTree = tree;
      if (manifests) attachManifestContext(tree, manifests);
      // A JSON 6902 patch is a list of operations, not an object.
      const objects = kubernetesObjects(tree);
      memoObjects = objects;
      subjects = manifests?.patch?.json6902 ? [] : kubernetesSubjects(tree, path, objects);
      if (manifests?.patch) patchOf = { tree, objects };
    }
  } else if (APP_CONFIG_KINDS.has(kind) || kind === 'mosquitto') {
    const parsed = parseAppConfig(path, text, kind);
    const flat = parsed.config;
    const tree = parsed.tree;
    spanTree = tree;
    errors = flat.errors;
    comments = tree ? tree.comments : flat.comments;
    target = kind === 'mosquitto' ? 'mosquitto' : 'app-config';
    subjects = [new ConfigSubject(target, kind, `${kind} ${path.split('/').pop()}`, path, flat, firstLineRange(text), text, tree)];
  }

  const file: FileReport = { file: path, kind, parseErrors: errors.length };
  const parseFindings: Finding[] = errors.length ? [parseErrorFinding(path, errors)] : [];
  if (!target) return { file, waivers: [], findings: [], passes: [], internalErrors: [] };
  const makeContext = (subject: Subject): EvalContext => newEvalContext(config, subject, noRelated);
  const targetRules = rules.filter((r) => r.meta.target === target);
  const useMemo = memo && memoTree ? memo : undefined;
  if (useMemo && memoTree) useMemo.begin(path, memoTree, targetRules, config, memoObjects);
  const run = runRules(targetRules, subjects, makeContext, config, useMemo, buildFixes);
  useMemo?.finish();
  if (patchOf) run.findings = findingsForPatch(run.findings, patchOf.tree, patchOf.objects);
  const spansOf = (): Range[] => (spanTree ? treeSpans(spanTree) : []);
  return { ...run, findings: [...parseFindings, ...run.findings], file, waivers: waiverSites(path, text, comments, spansOf) };
}
