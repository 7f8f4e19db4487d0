/**
 * Resources that configure another resource from the outside: AWS provider v4+ splits an S3
 * bucket's encryption, public access block, versioning, logging, policy and ACL into resources
 * that name the bucket; Azure diagnostic settings name their target by id. Rules check such a
 * group as a unit through `referencingResources`.
 */
import type { Attribute, Body } from '../hcl/ast';
import { getAttribute } from './blocks';
import { evaluate } from './evaluate';
import { modulesInTree } from './module-tree';
import { TerraformProject } from './project';
import { referencedResources } from './referenced-resources';
import type { ResourceDecl, TerraformModule } from './types';
import { SideTable } from '../util/side-table';

export interface Relationship {
  resource: ResourceDecl;
  /** The attribute that names the target (`bucket`, `target_resource_id`, ...). */
  attribute: Attribute;
  /** The module the referencing resource lives in, to evaluate its other attributes. */
  module: TerraformModule;
}

export interface RelationshipQuery {
  /** Only resources of these types (e.g. `aws_s3_bucket_versioning`). */
  types?: string[];
  /** Only links made through this attribute name. */
  attribute?: string;
}

/**
 * Targets that other resources may name by value instead of by reference: for these types a
 * resource whose argument of the same name evaluates to the same string belongs to the target too.
 */
const NAMED_BY_VALUE: Readonly<Record<string, string>> = { aws_s3_bucket: 'bucket' };

/** A whole project, or one module tree (a root and the children it loaded). */
export type RelationshipScope = TerraformProject | TerraformModule;

interface ProjectIndex {
  /** The project version the index was built for; module trees never change once loaded. */
  version: number;
  byReference: Map<ResourceDecl, Relationship[]>;
  /** `bucket=ehr-records` (argument name and evaluated string) to the resources that carry it. */
  byName: Map<string, Relationship[]>;
  moduleOf: Map<ResourceDecl, TerraformModule>;
}

const indexes = new SideTable<RelationshipScope, ProjectIndex>('project index');
const NAME_ARGUMENTS = new Set(Object.values(NAMED_BY_VALUE));

/**
 * The resources (and data sources) in `scope` with an argument that refers to `target`, through
 * references (also via locals, module arguments and outputs) or, for S3 buckets, by repeating the
 * bucket's name. One entry per referencing resource, in declaration order.
 */
export function referencingResources(scope: RelationshipScope, target: ResourceDecl, query: RelationshipQuery = {}): Relationship[] {
  const index = indexOf(scope);
  const matches = new Map<ResourceDecl, Relationship>();
  const accept = (r: Relationship): void => {
    if (r.resource === target || matches.has(r.resource)) return;
    if (query.types && !query.types.includes(r.resource.type)) return;
    if (query.attribute && r.attribute.name !== query.attribute) return;
    matches.set(r.resource, r);
  };
  for (const r of index.byReference.get(target) ?? []) accept(r);
  const key = nameKey(target, index.moduleOf.get(target));
  if (key !== undefined) for (const r of index.byName.get(key) ?? []) accept(r);
  return [...matches.values()];
}

/** `bucket=<name>` when the target is named by value and its name evaluates to a known string. */
function nameKey(target: ResourceDecl, module: TerraformModule | undefined): string | undefined {
  const argument = NAMED_BY_VALUE[target.type];
  const attribute = argument ? getAttribute(target.block.body, argument) : undefined;
  if (!attribute || !module) return undefined;
  const value = evaluate(module, attribute.expr).value;
  return typeof value === 'string' ? `${argument}=${value}` : undefined;
}

function indexOf(scope: RelationshipScope): ProjectIndex {
  const isProject = scope instanceof TerraformProject;
  const version = isProject ? scope.version : 0;
  const cached = indexes.get(scope);
  if (cached && cached.version === version) return cached;
  const index: ProjectIndex = { version, byReference: new Map(), byName: new Map(), moduleOf: new Map() };
  const push = <K>(map: Map<K, Relationship[]>, key: K, r: Relationship): void => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (const module of isProject ? scope.allModules() : modulesInTree(scope)) {
    // Data sources count as well: a policy document that names the bucket belongs to its policy.
    for (const resource of [...module.resources, ...module.dataSources]) {
      index.moduleOf.set(resource, module);
      for (const attribute of attributesIn(resource.block.body, 0)) {
        const link: Relationship = { resource, attribute, module };
        for (const referenced of referencedResources(module, attribute.expr)) push(index.byReference, referenced, link);
        if (!NAME_ARGUMENTS.has(attribute.name)) continue;
        const value = evaluate(module, attribute.expr).value;
        if (typeof value === 'string') push(index.byName, `${attribute.name}=${value}`, link);
      }
    }
  }
  indexes.set(scope, index);
  return index;
}

/** Attributes of a body and of its nested blocks (a reference may sit in `rule { ... }`). */
function attributesIn(body: Body, depth: number): Attribute[] {
  const out: Attribute[] = [];
  for (const item of body.items) {
    if (item.type === 'Attribute') out.push(item);
    else if (depth < 8) out.push(...attributesIn(item.body, depth + 1));
  }
  return out;
}
