/**
 * Resolves references: `var.*`, `local.*`, `module.<call>.<output>`, resource and data source
 * attributes, `each.*`, `count.index`, `path.*`, `terraform.workspace`, and names bound by `for`
 * expressions and dynamic blocks. Each resolved reference adds where its value came from.
 */
import { getAttribute } from '../blocks';
import { rootOf } from '../module-tree';
import type { Body, Expression } from '../../hcl/ast';
import { Unknown, type EvalScope, type ModuleCallDecl, type ResourceDecl, type TerraformModule, type TfValue, type VariableDecl } from '../types';
import { findResource, guarded, hasResourceType, memoised, origin, type EvalContext } from './context';
import { expandNestedBlocks } from './dynamic-blocks';
import { applySteps, evalExpr } from './expressions';
import { expansionOf, scopeForKey, scopesOf, type Repetition } from './instances';
import { isExpression } from './inputs';
import type { Traversal, TraversalStep } from './traversal';
import { convertToType, parseTypeConstraint } from './type-constraints';
import { EvalFailure, agreeing, setKey, type TfObject } from './values';

export function resolveTraversal(traversal: Traversal, ctx: EvalContext): TfValue {
  const { root, steps } = traversal;
  const locals = ctx.scope.locals;
  if (locals && Object.prototype.hasOwnProperty.call(locals, root)) return applySteps(locals[root], steps, ctx);
  const [first, ...rest] = steps;
  const name = first?.kind === 'attr' ? first.name : undefined;
  switch (root) {
    case 'var':
      if (name === undefined) return new EvalFailure('"var" must be followed by a variable name');
      return applySteps(variableValue(ctx.module, name, ctx), rest, ctx);
    case 'local':
      if (name === undefined) return new EvalFailure('"local" must be followed by a name');
      return applySteps(localValue(ctx.module, name, ctx), rest, ctx);
    case 'module':
      if (name === undefined) return new EvalFailure('"module" must be followed by a module call name');
      return moduleReference(name, rest, ctx);
    case 'data': {
      const second = rest[0];
      if (name === undefined || second?.kind !== 'attr') return new EvalFailure('"data" must be followed by a type and a name');
      return resourceReference(`data.${name}.${second.name}`, rest.slice(1), ctx);
    }
    case 'each':
      return eachReference(name, rest, ctx);
    case 'count':
      if (name !== 'index') return new EvalFailure('only count.index exists');
      return applySteps(ctx.scope.countIndex ?? new Unknown('count.index is only known for one instance of a resource with count'), rest, ctx);
    case 'path':
      return pathReference(name, ctx.module);
    case 'terraform':
      return name === 'workspace' ? new Unknown('terraform.workspace is chosen when terraform runs') : new EvalFailure(`terraform.${name ?? ''} does not exist`);
    case 'self':
      return new Unknown('self refers to the resource being created (provisioners and connections only)');
    default:
      if (name !== undefined && hasResourceType(ctx.module, root)) return resourceReference(`${root}.${name}`, rest, ctx);
      return new EvalFailure(`"${root}" is not a variable, local, resource, module or iterator in scope here`);
  }
}

function eachReference(name: string | undefined, rest: TraversalStep[], ctx: EvalContext): TfValue {
  if (name !== 'key' && name !== 'value') return new EvalFailure('only each.key and each.value exist');
  const each = ctx.scope.each;
  if (!each) return new Unknown(`each.${name} is only known for one instance of a resource with for_each`);
  return applySteps(name === 'key' ? each.key : each.value, rest, ctx);
}

function pathReference(name: string | undefined, module: TerraformModule): TfValue {
  // Terraform runs in the root module's directory, so path.cwd is taken to be the root too.
  if (name === 'module') return module.dir;
  if (name === 'root' || name === 'cwd') return rootOf(module).dir;
  return new EvalFailure(`path.${name ?? ''} does not exist`);
}

/** Variables do not depend on instance bindings, so each is evaluated once per module. */
export function variableValue(module: TerraformModule, name: string, ctx: EvalContext): TfValue {
  const decl = module.variables.get(name);
  if (!decl) return new EvalFailure(`variable "${name}" is not declared in ${module.dir}`);
  return memoised(ctx, module, `var.${name}`, (origins) => {
    const inner: EvalContext = { module, scope: {}, origins, depth: ctx.depth + 1 };
    const raw = rawVariableValue(module, decl, inner);
    return convertToType(raw, parseTypeConstraint(decl.type), (expr) => evalExpr(expr, inner));
  });
}

function rawVariableValue(module: TerraformModule, decl: VariableDecl, ctx: EvalContext): TfValue {
  const input = module.inputs.get(decl.name);
  if (input) {
    ctx.origins.add(input.origin);
    let value: TfValue;
    if (!isExpression(input.expr)) value = input.expr;
    else if (input.scopeModule && module.parent) value = callArgumentValue(input.scopeModule, module.parent.call, input.expr, ctx);
    else value = evalExpr(input.expr, ctx);
    // `nullable = false` turns an explicit null into the default.
    if (!(value === null && decl.nullable === false && decl.default)) return value;
  }
  if (decl.default) {
    ctx.origins.add(origin(decl.file, decl.default.expr, `default of variable "${decl.name}"`));
    return evalExpr(decl.default.expr, ctx);
  }
  const declared = origin(decl.file, decl.block, `variable "${decl.name}" declared without a default`);
  ctx.origins.add(declared);
  const reason = module.parent
    ? `variable "${decl.name}" has no default and module "${module.parent.call.name}" does not set it`
    : `variable "${decl.name}" has no default and no value in tfvars`;
  return new Unknown(reason, [declared]);
}

/** A module argument is evaluated in the caller, once per instance of the call; instances must agree. */
function callArgumentValue(caller: TerraformModule, call: ModuleCallDecl, expr: Expression, ctx: EvalContext): TfValue {
  const callerCtx: EvalContext = { module: caller, scope: {}, origins: ctx.origins, depth: ctx.depth + 1 };
  const scopes = scopesOf(expansionOf(repetitionOfCall(call), callerCtx));
  const values = scopes.map((scope) => evalExpr(expr, { ...callerCtx, scope }));
  return agreeing(values, `instances of module "${call.name}"`);
}

function repetitionOfCall(call: ModuleCallDecl): Repetition {
  return { count: getAttribute(call.block.body, 'count'), forEach: getAttribute(call.block.body, 'for_each'), key: `module.${call.name}` };
}

export function localValue(module: TerraformModule, name: string, ctx: EvalContext): TfValue {
  const decl = module.locals.get(name);
  if (!decl) return new EvalFailure(`local value "${name}" is not declared in ${module.dir}`);
  return memoised(ctx, module, `local.${name}`, (origins) => {
    origins.add(origin(decl.file, decl.attribute.expr, `local value "${name}"`));
    return evalExpr(decl.attribute.expr, { module, scope: {}, origins, depth: ctx.depth + 1 });
  });
}

function moduleReference(callName: string, steps: TraversalStep[], ctx: EvalContext): TfValue {
  const call = ctx.module.moduleCalls.find((c) => c.name === callName);
  if (!call) return new EvalFailure(`module "${callName}" is not declared in ${ctx.module.dir}`);
  let rest = steps;
  const repetition = repetitionOfCall(call);
  // All instances of a repeated call share one loaded child, so the instance key only selects.
  if ((repetition.count || repetition.forEach) && rest[0]?.kind === 'index') rest = rest.slice(1);
  const child = ctx.module.children?.get(callName);
  if (!child) {
    const where = origin(call.file, call.block, `module "${callName}"`);
    return new Unknown(call.unresolvedReason ?? `module "${callName}" was not loaded`, [where]);
  }
  const [output, ...after] = rest;
  if (output?.kind !== 'attr') {
    const all: TfObject = {};
    for (const decl of child.outputs) setKey(all, decl.name, outputValue(child, decl.name, ctx));
    return applySteps(all, rest, ctx);
  }
  return applySteps(outputValue(child, output.name, ctx), after, ctx);
}

export function outputValue(child: TerraformModule, name: string, ctx: EvalContext): TfValue {
  const decl = child.outputs.find((o) => o.name === name);
  const callName = child.parent?.call.name ?? child.dir;
  if (!decl) return new EvalFailure(`module "${callName}" has no output "${name}"`);
  const value = getAttribute(decl.block.body, 'value');
  if (!value) return new EvalFailure(`output "${name}" of module "${callName}" has no value`);
  return memoised(ctx, child, `output.${name}`, (origins) => {
    origins.add(origin(decl.file, value.expr, `output "${name}" of module "${callName}"`));
    return evalExpr(value.expr, { module: child, scope: {}, origins, depth: ctx.depth + 1 });
  });
}

/** `localAddress` is `type.name` or `data.type.name`; `steps` follow the name. */
function resourceReference(localAddress: string, steps: TraversalStep[], ctx: EvalContext): TfValue {
  const decl = findResource(ctx.module, localAddress);
  if (!decl) return new EvalFailure(`${localAddress} is not declared in ${ctx.module.dir}`);
  const where = origin(decl.file, decl.block, decl.address);
  let rest = steps;
  let scope: EvalScope = {};
  if (decl.count || decl.forEach) {
    const selector = rest[0];
    if (selector?.kind !== 'index') {
      return new Unknown(`${decl.address} has ${decl.count ? 'count' : 'for_each'}; the collection of its instances is known only after apply`, [where]);
    }
    const key = evalExpr(selector.key, ctx);
    const selected = scopeForKey(expansionOf({ count: decl.count, forEach: decl.forEach, key: decl.address }, ctx), key);
    if (selected instanceof EvalFailure) return selected;
    scope = selected;
    rest = rest.slice(1);
  }
  const [attribute, ...after] = rest;
  if (attribute?.kind !== 'attr') return new Unknown(`${decl.address} as a whole is known only after apply`, [where]);
  return applySteps(resourceAttribute(decl, attribute.name, scope, ctx), after, ctx);
}

/** The argument as written in the resource (evaluated for that instance), else computed by the provider. */
function resourceAttribute(decl: ResourceDecl, name: string, scope: EvalScope, ctx: EvalContext): TfValue {
  const attribute = getAttribute(decl.block.body, name);
  const instanceKey = JSON.stringify([scope.countIndex instanceof Unknown ? '?' : scope.countIndex, scope.each?.key instanceof Unknown ? '?' : scope.each?.key]);
  if (attribute) {
    return guarded(ctx.module, `${decl.address}.${name}${instanceKey}`, () => {
      ctx.origins.add(origin(decl.file, attribute.expr, `${name} of ${decl.address}`));
      return evalExpr(attribute.expr, { ...ctx, scope });
    });
  }
  const blocks = expandNestedBlocks(decl.block.body, name, { ...ctx, scope });
  if (blocks.length > 0) {
    return guarded(ctx.module, `${decl.address}.${name}${instanceKey}`, () =>
      blocks.map((b) => blockValue(b.nested.body, { ...ctx, scope: b.scope }, 0)),
    );
  }
  const where = origin(decl.file, decl.block, decl.address);
  return new Unknown(`${decl.address}.${name} is computed by the provider at apply time`, [where]);
}

/** A nested block as an object: its arguments, and its own nested blocks as lists. */
function blockValue(body: Body, ctx: EvalContext, depth: number): TfValue {
  const out: TfObject = {};
  const blockTypes = new Set<string>();
  for (const item of body.items) {
    if (item.type === 'Attribute') setKey(out, item.name, evalExpr(item.expr, ctx));
    else blockTypes.add(item.blockType === 'dynamic' ? item.labels[0]?.value ?? 'dynamic' : item.blockType);
  }
  for (const type of blockTypes) {
    const value: TfValue =
      depth > 16 ? new Unknown('nested blocks are too deep to evaluate') : expandNestedBlocks(body, type, ctx).map((b) => blockValue(b.nested.body, { ...ctx, scope: b.scope }, depth + 1));
    setKey(out, type, value);
  }
  return out;
}
