/**
 * State of one evaluation: the module and bindings in effect, the origins gathered so far, and the
 * per-module memo of scope-independent values (variables, locals, outputs) with cycle detection.
 */
import type { Range } from '../../text/position';
import { Unknown, type EvalScope, type ResourceDecl, type TerraformModule, type TfValue, type ValueOrigin } from '../types';
import { SideTable } from '../../util/side-table';

/**
 * The places that decided a value, in the order they were reached. Memoised values hand over their
 * whole list as one entry, so a local used a thousand times costs one push per use, not a copy.
 */
export class OriginList {
  private readonly entries: Array<ValueOrigin | OriginList> = [];

  add(origin: ValueOrigin): void {
    this.entries.push(origin);
  }

  addList(list: OriginList): void {
    if (list !== this && list.entries.length > 0) this.entries.push(list);
  }

  /**
   * Every origin once, outermost first. Origins are deduplicated by identity, which is enough
   * because each place creates its origin once (see `origin`).
   */
  flatten(): ValueOrigin[] {
    const out: ValueOrigin[] = [];
    const seen = new Set<ValueOrigin | OriginList>();
    const visit = (list: OriginList): void => {
      seen.add(list);
      for (const entry of list.entries) {
        if (seen.has(entry)) continue;
        if (entry instanceof OriginList) visit(entry);
        else {
          seen.add(entry);
          out.push(entry);
        }
      }
    };
    visit(this);
    return out;
  }
}

export interface EvalContext {
  module: TerraformModule;
  scope: EvalScope;
  /** Collector of the places that decided the value. */
  origins: OriginList;
  /** Nesting of expressions and references, capped so hostile input cannot exhaust the stack. */
  depth: number;
}

/** Deep enough for real configurations, far below what would overflow the JavaScript stack. */
export const MAX_EVAL_DEPTH = 400;

export interface MemoEntry {
  value: TfValue;
  origins: OriginList;
}

export interface ModuleMemo {
  values: Map<string, MemoEntry>;
  /** Keys being evaluated right now; meeting one again means a reference cycle. */
  active: Set<string>;
  resourcesByAddress?: Map<string, ResourceDecl>;
  resourceTypes?: Set<string>;
}

const memos = new SideTable<TerraformModule, ModuleMemo>('evaluation memo');

export function memoOf(module: TerraformModule): ModuleMemo {
  let memo = memos.get(module);
  if (!memo) {
    memo = { values: new Map(), active: new Set() };
    memos.set(module, memo);
  }
  return memo;
}

/** `aws_s3_bucket.b` or `data.aws_iam_policy_document.p` (without the module prefix) to its declaration. */
export function findResource(module: TerraformModule, localAddress: string): ResourceDecl | undefined {
  const memo = memoOf(module);
  if (!memo.resourcesByAddress) {
    const index = new Map<string, ResourceDecl>();
    for (const r of module.resources) if (!index.has(`${r.type}.${r.name}`)) index.set(`${r.type}.${r.name}`, r);
    for (const d of module.dataSources) if (!index.has(`data.${d.type}.${d.name}`)) index.set(`data.${d.type}.${d.name}`, d);
    memo.resourcesByAddress = index;
  }
  return memo.resourcesByAddress.get(localAddress);
}

export function hasResourceType(module: TerraformModule, type: string): boolean {
  const memo = memoOf(module);
  if (!memo.resourceTypes) memo.resourceTypes = new Set(module.resources.map((r) => r.type));
  return memo.resourceTypes.has(type);
}

/**
 * Evaluates `compute` once per module and key; a key met again while it is still being computed
 * is a cycle and yields Unknown instead of recursing forever.
 */
export function memoised(ctx: EvalContext, module: TerraformModule, key: string, compute: (origins: OriginList) => TfValue): TfValue {
  const memo = memoOf(module);
  const hit = memo.values.get(key);
  if (hit) {
    ctx.origins.addList(hit.origins);
    return hit.value;
  }
  if (memo.active.has(key)) return cycle(memo, key);
  memo.active.add(key);
  const origins = new OriginList();
  let value: TfValue;
  try {
    value = compute(origins);
  } finally {
    memo.active.delete(key);
  }
  memo.values.set(key, { value, origins });
  ctx.origins.addList(origins);
  return value;
}

/** Guards recursion the memo cannot see (resource attributes evaluated per instance). */
export function guarded(module: TerraformModule, key: string, compute: () => TfValue): TfValue {
  const memo = memoOf(module);
  if (memo.active.has(key)) return cycle(memo, key);
  memo.active.add(key);
  try {
    return compute();
  } finally {
    memo.active.delete(key);
  }
}

/** `reference cycle: local.a → local.b → local.a`, from the active keys in the order they were entered. */
function cycle(memo: ModuleMemo, key: string): Unknown {
  const active = [...memo.active];
  const loop = active.slice(active.indexOf(key));
  return new Unknown(`reference cycle: ${[...loop, key].join(' → ')}`);
}

const origins = new WeakMap<object, Map<string, ValueOrigin>>();

/**
 * The origin of `node` (an expression or block) with that description, created once so that
 * evaluations reaching the same place share one object and deduplicate by identity.
 */
export function origin(file: string, node: { range: Range }, description: string): ValueOrigin {
  let byDescription = origins.get(node);
  if (!byDescription) {
    byDescription = new Map();
    origins.set(node, byDescription);
  }
  // A syntax node lives in one file, so the description alone tells its origins apart.
  let found = byDescription.get(description);
  if (!found) {
    found = { file, range: node.range, description };
    byDescription.set(description, found);
  }
  return found;
}
