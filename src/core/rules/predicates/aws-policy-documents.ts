/**
 * Reads AWS policy documents the way they are written in Terraform: `jsonencode({...})`, a JSON
 * string or heredoc (with interpolations), a local holding either, or a reference to a
 * `data.aws_iam_policy_document` (its `statement` blocks and the documents it merges). Every
 * statement keeps the scope and ranges it was written at, so a finding can point at the `"*"` in
 * question even when the document lives in a data source in another file.
 */
import type { Expression } from '../../hcl/ast';
import type { Range } from '../../text/position';
import { evaluate, getAttribute, instancesOf, referencedResources } from '../../terraform';
import { Unknown, type ResourceDecl, type TerraformModule, type ValueOrigin } from '../../terraform/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { traversalOf } from '../../terraform/eval/traversal';
import {
  fromExpression,
  fromJsonText,
  fromValue,
  syntheticList,
  syntheticObject,
  templateWithPlaceholders,
  type Located,
} from './aws-policy-located';
import { moduleOfDeclaration } from './aws-declarations';

export interface PolicyStatement {
  /** Where the statement is written (a finding about it is reported in this scope's file). */
  scope: TerraformScope;
  /** The statement object, or the header of the `statement` block. */
  range: Range;
  effect?: Located;
  action?: Located;
  notAction?: Located;
  resource?: Located;
  notResource?: Located;
  /** JSON shape: `"*"` or `{ "AWS": [...], "Service": [...] }`. */
  principal?: Located;
  notPrincipal?: Located;
  /** JSON shape: `{ "<operator>": { "<key>": values } }`. */
  condition?: Located;
  /** Statements of `aws_iam_policy_document` default to Allow. */
  defaultEffect: 'Allow' | undefined;
}

export interface UnknownPart {
  reason: string;
  range: Range;
  origins: ValueOrigin[];
  scope: TerraformScope;
}

export interface PolicyRead {
  /** Whether a policy is written at all. */
  present: boolean;
  statements: PolicyStatement[];
  /** Parts that could not be read; a check that finds nothing wrong elsewhere is then undetermined. */
  unknowns: UnknownPart[];
}

const MAX_DEPTH = 16;

function unwrap(expr: Expression): Expression {
  let e = expr;
  while (e.type === 'Paren') e = e.expr;
  return e;
}

/**
 * A one-line place to report a JSON policy at: the expression itself when it fits on one line,
 * the `<<EOT` opener of a heredoc, or else the fallback (the attribute name).
 */
function anchorOf(expr: Expression, fallback: Range): Range {
  const { start, end } = expr.range;
  if (start.line === end.line) return expr.range;
  if (expr.type === 'Template' && expr.heredoc) {
    const length = 2 + (expr.heredoc.indented ? 1 : 0) + expr.heredoc.marker.length;
    return { start, end: { offset: start.offset + length, line: start.line, column: start.column + length } };
  }
  return fallback;
}

function emptyRead(present: boolean): PolicyRead {
  return { present, statements: [], unknowns: [] };
}

function merge(into: PolicyRead, part: PolicyRead): void {
  into.present = into.present || part.present;
  into.statements.push(...part.statements);
  into.unknowns.push(...part.unknowns);
}

/** The policy in the attribute `name` of `scope` (a resource or one of its nested blocks). */
export function readPolicyAttribute(scope: TerraformScope, name: string): PolicyRead {
  const attribute = getAttribute(scope.body, name);
  if (!attribute) return emptyRead(false);
  return readPolicyExpression(scope, attribute.expr, new Set(), 0, attribute.nameRange);
}

/** Every statement of an `aws_iam_policy_document` data source (one scope per instance). */
export function readPolicyDocumentSource(scope: TerraformScope): PolicyRead {
  return readDocumentBlocks(scope, new Set(), 0);
}

function unknownRead(scope: TerraformScope, reason: string, range: Range, origins: ValueOrigin[] = []): PolicyRead {
  return { present: true, statements: [], unknowns: [{ reason, range, origins, scope }] };
}

function readPolicyExpression(scope: TerraformScope, expr: Expression, seen: Set<ResourceDecl>, depth: number, fallback?: Range): PolicyRead {
  const e = unwrap(expr);
  const anchor = anchorOf(e, fallback ?? e.range);
  if (depth > MAX_DEPTH) return unknownRead(scope, 'the policy is nested too deeply to read', e.range);
  const { module, evalScope } = scope;

  if (e.type === 'FunctionCall' && e.name === 'jsonencode' && e.args.length === 1) {
    return statementsOfDocument(fromExpression(module, e.args[0], evalScope), scope);
  }

  const traversal = traversalOf(e);
  if (traversal?.root === 'local' && traversal.steps.length === 1 && traversal.steps[0].kind === 'attr') {
    const local = module.locals.get(traversal.steps[0].name);
    if (local) {
      const localScope = new TerraformScope(module, local.file, scope.block, scope.body, evalScope);
      return readPolicyExpression(localScope, local.attribute.expr, seen, depth + 1, local.attribute.nameRange);
    }
  }

  const template = templateWithPlaceholders(module, e, evalScope);
  if (template && template.unknownReason) {
    const parsed = fromJsonText(template.text, anchor, template.origins, template.unknownReason);
    if (parsed.ok) return statementsOfDocument(parsed.located, scope);
  }

  const evaluated = evaluate(module, e, evalScope);
  const value = evaluated.value;
  // An empty string is how modules switch a policy off (`attach ? doc : ""`).
  if (typeof value === 'string' && value.trim() === '') return emptyRead(false);
  if (typeof value === 'string') {
    const parsed = fromJsonText(value, anchor, evaluated.origins);
    return parsed.ok ? statementsOfDocument(parsed.located, scope) : unknownRead(scope, parsed.reason, anchor, evaluated.origins);
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Unknown) && !Array.isArray(value)) {
    return statementsOfDocument(fromValue(value, anchor, evaluated.origins), scope);
  }
  if (value === null) return emptyRead(false);

  // Computed at apply time: a policy document data source is read from its blocks instead.
  const documents = referencedResources(module, e).filter((r) => r.mode === 'data' && r.type === 'aws_iam_policy_document');
  if (documents.length > 0) {
    const read = emptyRead(true);
    for (const decl of documents) merge(read, readDocumentDecl(module, decl, seen, depth + 1));
    return read;
  }
  const reason = value instanceof Unknown ? value.reason : 'the policy is not a JSON document';
  return unknownRead(scope, reason, anchor, evaluated.origins);
}

function readDocumentDecl(from: TerraformModule, decl: ResourceDecl, seen: Set<ResourceDecl>, depth: number): PolicyRead {
  if (seen.has(decl)) return emptyRead(true);
  const module = moduleOfDeclaration(from, decl);
  const header = { start: decl.block.typeRange.start, end: decl.block.typeRange.end };
  if (!module) return unknownRead(new TerraformScope(from, decl.file, decl.block, decl.block.body, {}), `${decl.address} could not be found`, header);
  const read = emptyRead(true);
  const next = new Set(seen).add(decl);
  // A data source with count = 0 or an empty for_each produces no document at all.
  for (const instance of instancesOf(module, decl)) {
    merge(read, readDocumentBlocks(new TerraformScope(module, decl.file, decl.block, decl.block.body, instance), next, depth));
  }
  return read;
}

/** Nested blocks of a Terraform scope, typed as such. */
function childScopes(scope: TerraformScope, type: string): TerraformScope[] {
  return scope.items([type]).filter((s): s is TerraformScope => s instanceof TerraformScope);
}

function located(scope: TerraformScope, name: string): Located | undefined {
  const attribute = getAttribute(scope.body, name);
  return attribute ? fromExpression(scope.module, attribute.expr, scope.evalScope) : undefined;
}

/** `principals { type = "AWS", identifiers = [...] }` blocks as the JSON `Principal` element. */
function principalsOf(statement: TerraformScope, blockType: string): Located | undefined {
  const blocks = childScopes(statement, blockType);
  if (blocks.length === 0) return undefined;
  const byType = new Map<string, Located[]>();
  for (const block of blocks) {
    const type = located(block, 'type');
    const identifiers = located(block, 'identifiers');
    if (!type || typeof type.value !== 'string') {
      return fromValue(new Unknown(`the principal type in ${blockType} is not known before apply`), block.headerRange);
    }
    const list = byType.get(type.value) ?? [];
    if (identifiers) list.push(...identifiers.list());
    byType.set(type.value, list);
  }
  const range = blocks[0].headerRange;
  return syntheticObject(
    [...byType].map(([type, ids]) => [type, syntheticList(ids, ids[0]?.range ?? range)]),
    range,
  );
}

/** `condition { test, variable, values }` blocks as the JSON `Condition` element. */
function conditionsOf(statement: TerraformScope): Located | undefined {
  const blocks = childScopes(statement, 'condition');
  if (blocks.length === 0) return undefined;
  const byTest = new Map<string, Array<[string, Located]>>();
  for (const block of blocks) {
    const test = located(block, 'test');
    const variable = located(block, 'variable');
    const values = located(block, 'values') ?? fromValue([], block.headerRange);
    const testName = typeof test?.value === 'string' ? test.value : '?';
    const variableName = typeof variable?.value === 'string' ? variable.value : '?';
    const entries = byTest.get(testName) ?? [];
    entries.push([variableName, values]);
    byTest.set(testName, entries);
  }
  const range = blocks[0].headerRange;
  return syntheticObject(
    [...byTest].map(([test, entries]) => [test, syntheticObject(entries, range)]),
    range,
  );
}

function readDocumentBlocks(scope: TerraformScope, seen: Set<ResourceDecl>, depth: number): PolicyRead {
  const read = emptyRead(true);
  // Documents merged into this one (`source_policy_documents`, `override_policy_documents`, and
  // the older `source_json` / `override_json`).
  for (const name of ['source_policy_documents', 'override_policy_documents']) {
    const attribute = getAttribute(scope.body, name);
    if (!attribute) continue;
    const list = unwrap(attribute.expr);
    if (list.type === 'Tuple') {
      for (const element of list.elements) merge(read, readPolicyExpression(scope, element, seen, depth + 1));
      continue;
    }
    const value = evaluate(scope.module, list, scope.evalScope).value;
    if (!Array.isArray(value)) {
      read.unknowns.push({ reason: value instanceof Unknown ? value.reason : `${name} is not a list`, range: list.range, origins: [], scope });
      continue;
    }
    for (const element of value) {
      if (typeof element !== 'string') {
        read.unknowns.push({ reason: element instanceof Unknown ? element.reason : 'a merged document is not a string', range: list.range, origins: [], scope });
        continue;
      }
      const parsed = fromJsonText(element, list.range);
      if (parsed.ok) merge(read, statementsOfDocument(parsed.located, scope));
      else read.unknowns.push({ reason: parsed.reason, range: list.range, origins: [], scope });
    }
  }
  for (const name of ['source_json', 'override_json']) {
    const attribute = getAttribute(scope.body, name);
    if (attribute) merge(read, readPolicyExpression(scope, attribute.expr, seen, depth + 1));
  }
  for (const statement of childScopes(scope, 'statement')) {
    read.statements.push({
      scope: statement,
      range: statement.headerRange,
      effect: located(statement, 'effect'),
      action: located(statement, 'actions'),
      notAction: located(statement, 'not_actions'),
      resource: located(statement, 'resources'),
      notResource: located(statement, 'not_resources'),
      principal: principalsOf(statement, 'principals'),
      notPrincipal: principalsOf(statement, 'not_principals'),
      condition: conditionsOf(statement),
      defaultEffect: 'Allow',
    });
  }
  return read;
}

/** The statements of a JSON-shaped document (`Statement` may be one object or a list). */
function statementsOfDocument(document: Located, scope: TerraformScope): PolicyRead {
  if (document.value instanceof Unknown) return unknownRead(scope, document.value.reason, document.range, document.origins);
  const statement = document.get('Statement');
  if (!statement) return emptyRead(true);
  if (statement.value instanceof Unknown) return unknownRead(scope, statement.value.reason, statement.range, statement.origins);
  const read = emptyRead(true);
  for (const element of statement.list()) {
    if (element.value instanceof Unknown) {
      read.unknowns.push({ reason: element.value.reason, range: element.range, origins: element.origins, scope });
      continue;
    }
    read.statements.push({
      scope,
      range: element.range,
      effect: element.get('Effect'),
      action: element.get('Action'),
      notAction: element.get('NotAction'),
      resource: element.get('Resource'),
      notResource: element.get('NotResource'),
      principal: element.get('Principal'),
      notPrincipal: element.get('NotPrincipal'),
      condition: element.get('Condition'),
      defaultEffect: undefined,
    });
  }
  return read;
}

/** `Allow`, `Deny`, or undefined when the effect cannot be known. */
export function effectOf(statement: PolicyStatement): 'Allow' | 'Deny' | undefined {
  const value = statement.effect?.value ?? statement.defaultEffect;
  if (typeof value !== 'string') return undefined;
  const normal = value.toLowerCase();
  return normal === 'allow' ? 'Allow' : normal === 'deny' ? 'Deny' : undefined;
}
