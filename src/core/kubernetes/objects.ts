/**
 * The Kubernetes objects in a parsed manifest file: one per document with `apiVersion` and `kind`,
 * the items of `kind: List` (and `*List`) documents, and for workload kinds the pod spec and its
 * containers, wherever the kind keeps them.
 */
import type { Range } from '../text/position';
import { mapGet, type MapNode, type TreeDocument, type TreeFile, type TreeNode } from '../documents/tree';
import { newList, newRange, UNTRACKED } from '../util/lint-lived';
import { SideTable } from '../util/side-table';
import { isMovePending, unmovedRoot } from '../yaml/moved-document';

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerRef {
  group: ContainerGroup;
  /** Position in its group's list. */
  index: number;
  /** The `name:` value, when it is a plain value. */
  name?: string;
  node: MapNode;
}

export interface PodSpecRef {
  spec: MapNode;
  /** Path from the object root, e.g. `['spec', 'template', 'spec']`. */
  path: string[];
  containers: ContainerRef[];
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  /** `metadata.name` (or `generateName`), as written; empty when missing. */
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  root: MapNode;
  documentIndex: number;
  /** Where findings about the object point: the `kind:` value, or the start of the object. */
  headerRange: Range;
  podSpec?: PodSpecRef;
}

/** Where each workload kind keeps its pod spec. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const CONTAINER_GROUPS: ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** `List` items may nest further Lists; deeper than this is not a real manifest. */
const MAX_LIST_DEPTH = 8;

const objectsOfFile = new SideTable<TreeFile, K8sObject[]>('Kubernetes objects');

/**
 * The objects of a parsed file, found once per parse: the manifest loader, the linter and the
 * predicates that look at a file's other objects all ask for them on every keystroke.
 */
export function kubernetesObjects(file: TreeFile): K8sObject[] {
  let objects = objectsOfFile.get(file);
  if (objects) return objects;
  objects = newList<K8sObject>();
  for (const document of file.documents) {
    if (isMovePending(document)) collectPending(document, objects);
    else collect(document.root, document.index, objects, 0);
  }
  objectsOfFile.set(file, objects);
  return objects;
}

/**
 * Objects of a document whose copy after an edit is still to be made (yaml/moved-document.ts):
 * what positions do not change comes from the unmoved nodes; `root`, `headerRange` and `podSpec`
 * make the copy when first read. A lint that reuses every outcome of the document reads none.
 */
interface Unplaced {
  document: TreeDocument;
  /** Position among the document's objects. */
  at: number;
  unmoved: K8sObject;
}

const unplaced = new SideTable<K8sObject, Unplaced>('object of a document not yet copied');
/** The objects of an unmoved root, found once while edits keep moving its document. */
const objectsOfUnmoved = new SideTable<MapNode, K8sObject[]>('objects of an unmoved root');
const objectsOfCopy = new SideTable<TreeDocument, K8sObject[]>('objects of a copied document');

function collectPending(document: TreeDocument, out: K8sObject[]): void {
  const root = unmovedRoot(document);
  if (!root || root.kind !== 'map') return;
  let unmoved = objectsOfUnmoved.get(root);
  if (!unmoved) {
    unmoved = [];
    collect(root, document.index, unmoved, 0);
    objectsOfUnmoved.set(root, unmoved);
  }
  unmoved.forEach((object, at) => {
    // Fields in the order `describe` sets them, so keys list alike.
    const pending = { ...UNTRACKED, apiVersion: object.apiVersion, kind: object.kind, name: object.name, labels: object.labels, annotations: object.annotations } as unknown as K8sObject;
    placeLater(pending, 'root');
    pending.documentIndex = document.index;
    placeLater(pending, 'headerRange');
    if (object.namespace !== undefined) pending.namespace = object.namespace;
    if (object.podSpec) placeLater(pending, 'podSpec');
    unplaced.set(pending, { document, at, unmoved: object });
    out.push(pending);
  });
}

const PLACED_FIELDS = ['root', 'headerRange', 'podSpec'] as const;
type PlacedField = (typeof PLACED_FIELDS)[number];

function placeLater(object: K8sObject, field: PlacedField): void {
  Object.defineProperty(object, field, { get: PLACE[field], enumerable: true, configurable: true });
}

function place(object: K8sObject): void {
  const where = unplaced.get(object);
  if (!where) return;
  let copied = objectsOfCopy.get(where.document);
  if (!copied) {
    copied = [];
    collect(where.document.root, where.document.index, copied, 0);
    objectsOfCopy.set(where.document, copied);
  }
  const twin = copied[where.at];
  for (const field of PLACED_FIELDS) {
    if (field === 'podSpec' && !twin.podSpec) continue;
    Object.defineProperty(object, field, { value: twin[field], enumerable: true, writable: true, configurable: true });
  }
  unplaced.delete(object);
}

/** One getter per field, shared by every pending object: it places the object, then reads the field. */
const PLACE = Object.fromEntries(
  PLACED_FIELDS.map((field) => [
    field,
    function (this: K8sObject): unknown {
      place(this);
      return this[field];
    },
  ]),
) as Record<PlacedField, (this: K8sObject) => unknown>;

/**
 * The object as found in the unmoved nodes when its document's copy is still to be made, else
 * the object itself: for position-free reads (its pod spec's containers, their names).
 */
export function unplacedShape(object: K8sObject): K8sObject {
  return unplaced.get(object)?.unmoved ?? object;
}

function collect(node: TreeNode | undefined, documentIndex: number, out: K8sObject[], depth: number): void {
  if (!node || node.kind !== 'map' || depth > MAX_LIST_DEPTH) return;
  const apiVersion = text(mapGet(node, 'apiVersion'));
  const kind = text(mapGet(node, 'kind'));
  if (apiVersion === undefined || kind === undefined) return;
  const items = mapGet(node, 'items');
  if (kind.endsWith('List') && items && items.kind === 'seq') {
    for (const item of items.items) collect(item, documentIndex, out, depth + 1);
    return;
  }
  out.push(describe(node, apiVersion, kind, documentIndex));
}

function describe(root: MapNode, apiVersion: string, kind: string, documentIndex: number): K8sObject {
  const metadata = mapGet(root, 'metadata');
  const kindNode = mapGet(root, 'kind');
  const object: K8sObject = {
    ...UNTRACKED,
    apiVersion,
    kind,
    name: text(mapGet(metadata, 'name')) ?? text(mapGet(metadata, 'generateName')) ?? '',
    labels: stringMap(mapGet(metadata, 'labels')),
    annotations: stringMap(mapGet(metadata, 'annotations')),
    root,
    documentIndex,
    headerRange: kindNode ? kindNode.range : newRange(root.range.start, root.range.start),
  };
  const namespace = text(mapGet(metadata, 'namespace'));
  if (namespace !== undefined) object.namespace = namespace;
  const podSpec = findPodSpec(root, kind);
  if (podSpec) object.podSpec = podSpec;
  return object;
}

function findPodSpec(root: MapNode, kind: string): PodSpecRef | undefined {
  const path = POD_SPEC_PATHS[kind];
  if (!path) return undefined;
  let node: TreeNode | undefined = root;
  for (const segment of path) node = mapGet(node, segment);
  if (!node || node.kind !== 'map') return undefined;
  return { ...UNTRACKED, spec: node, path: path.slice(), containers: containersOf(node) };
}

function containersOf(spec: MapNode): ContainerRef[] {
  const refs = newList<ContainerRef>();
  for (const group of CONTAINER_GROUPS) {
    const list = mapGet(spec, group);
    if (!list || list.kind !== 'seq') continue;
    list.items.forEach((item, index) => {
      if (item.kind !== 'map') return;
      const ref: ContainerRef = { ...UNTRACKED, group, index, node: item };
      const name = text(mapGet(item, 'name'));
      if (name !== undefined) ref.name = name;
      refs.push(ref);
    });
  }
  return refs;
}

/** A plain value as text (templated values give their template source). */
function text(node: TreeNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value === null ? undefined : String(node.value);
  if (node.kind === 'templated') return node.source;
  return undefined;
}

function stringMap(node: TreeNode | undefined): Record<string, string> {
  const out: Record<string, string> = { ...UNTRACKED };
  if (!node || node.kind !== 'map') return out;
  for (const entry of node.entries) {
    const value = text(entry.value);
    // defineProperty: a label named `__proto__` must stay a label.
    if (value !== undefined) Object.defineProperty(out, entry.key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
