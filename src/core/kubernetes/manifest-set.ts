/**
 * The manifest set of a linted file: the Kubernetes objects deployed together with it (every
 * manifest of its folder, plus the files its folder's kustomization lists as resources). Checks
 * that look for a companion object (a NetworkPolicy for a Namespace, an autoscaler, a
 * PodDisruptionBudget) search the set rather than one file.
 *
 * The engine reads the set before a file is linted (see `./manifest-loader.ts`) and attaches it to
 * the file's parsed tree, so rule predicates, which are synchronous and see only the subject, can
 * find it.
 */
import type { TreeFile } from '../documents/tree';
import type { K8sObject } from './objects';
import { SideTable } from '../util/side-table';

export interface ManifestFile {
  path: string;
  tree: TreeFile;
  objects: K8sObject[];
}

export interface PatchRole {
  /** The kustomization file that lists the linted file as a patch. */
  kustomization: string;
  /** Declared a JSON 6902 patch (a list of operations, not an object). */
  json6902: boolean | undefined;
}

export interface ManifestContext {
  /** Manifests deployed with the linted file, not including the linted file itself. */
  others: ManifestFile[];
  /** The linted file as the set read it, so its parsed tree can be reused when the text is the same. */
  self?: ManifestFile;
  /** Why objects of the deployment may have gone unread; absent when the set is complete. */
  incomplete?: string;
  /** Set when a kustomization uses the linted file as a patch rather than a whole object. */
  patch?: PatchRole;
}

const contexts = new SideTable<TreeFile, ManifestContext>('manifest context');

export function attachManifestContext(tree: TreeFile, context: ManifestContext): void {
  contexts.set(tree, context);
}

/** The context attached to a parsed file, or undefined when the file was linted on its own (tests, fixtures). */
export function manifestContextOf(tree: TreeFile): ManifestContext | undefined {
  return contexts.get(tree);
}
