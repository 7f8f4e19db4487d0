/**
 * The parts of a `kustomization.yaml` that change how its neighbouring manifests are read: which
 * files it builds from (`resources`) and which files only patch objects built elsewhere
 * (`patches` with a `path`, `patchesStrategicMerge`, `patchesJson6902`). Inline patches, remote
 * bases and directories are not files to read and are left out.
 */
import { mapGet, type TreeNode } from '../documents/tree';
import { parseYamlTree } from '../yaml/parse-yaml';

export interface PatchFileRef {
  /** As written, relative to the kustomization's folder. */
  path: string;
  /** True for JSON 6902 op lists, false for strategic-merge patches, undefined when kustomize detects it from the content (`patches`). */
  json6902: boolean | undefined;
}

export interface KustomizationRefs {
  /** Entries of `resources` that name a manifest file (not a folder or a remote base). */
  resourceFiles: string[];
  patchFiles: PatchFileRef[];
}

export const KUSTOMIZATION_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

function plainString(node: TreeNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const value = node.value.trim();
  // A value spanning lines is an inline patch or manifest, not a path.
  return value === '' || value.includes('\n') ? undefined : value;
}

function isLocalFile(entry: string): boolean {
  return MANIFEST_FILE.test(entry) && !entry.includes('://') && !entry.includes('?');
}

function itemsOf(node: TreeNode | undefined): TreeNode[] {
  return node && node.kind === 'seq' ? node.items : [];
}

export function readKustomization(text: string): KustomizationRefs {
  const refs: KustomizationRefs = { resourceFiles: [], patchFiles: [] };
  const root = parseYamlTree(text, { templates: 'none' }).documents[0]?.root;
  if (!root || root.kind !== 'map') return refs;
  for (const item of itemsOf(mapGet(root, 'resources'))) {
    const entry = plainString(item);
    if (entry !== undefined && isLocalFile(entry)) refs.resourceFiles.push(entry);
  }
  for (const item of itemsOf(mapGet(root, 'patchesStrategicMerge'))) {
    const entry = plainString(item);
    if (entry !== undefined) refs.patchFiles.push({ path: entry, json6902: false });
  }
  for (const item of itemsOf(mapGet(root, 'patchesJson6902'))) {
    const entry = plainString(mapGet(item, 'path'));
    if (entry !== undefined) refs.patchFiles.push({ path: entry, json6902: true });
  }
  for (const item of itemsOf(mapGet(root, 'patches'))) {
    const entry = plainString(mapGet(item, 'path'));
    if (entry !== undefined) refs.patchFiles.push({ path: entry, json6902: undefined });
  }
  return refs;
}
