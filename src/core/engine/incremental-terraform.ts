/**
 * Incremental re-evaluation of a Terraform module that is linted again after an edit. A rule's
 * outcome on a subject is reused only when nothing it can read changed:
 * - the module has the same files and, in each, the same top-level blocks (same kinds and labels,
 *   same order), child modules included; the only blocks whose text changed are `resource`,
 *   `data`, `locals`, `variable` and `module` blocks of the module's own native `.tf` files, whose
 *   parse errors (if any) are the same before and after the edit;
 * - the subject's own block is not "tainted": changed, or referring (through any expression, by
 *   address) to a tainted block or to a local that refers to one; a module call, provider or
 *   other block that refers to a tainted block stops reuse altogether;
 * - the rule calls no named predicate (TypeScript that may read the whole module), and none of the
 *   resource types its `related` conditions look for is tainted;
 * - every position of its findings lies outside the edited span (they are moved with the text).
 * Anything else is evaluated afresh, which is always right.
 */
import type { Block, Expression, HclFile } from '../hcl/ast';
import type { Range } from '../text/position';
import type { EngineConfig } from '../config/types';
import type { Rule } from '../rules/rule';
import type { EvalContext } from '../rules/evaluate';
import type { Subject } from '../subjects/types';
import type { TerraformModule } from '../terraform/types';
import type { HclHandle } from '../subjects/terraform-scope';
import { forEachChildExpression } from '../terraform/eval/walk';
import { traversalOf } from '../terraform/eval/traversal';
import type { OutcomeMemo, SubjectOutcome } from './run-rules';
import { ruleReads } from './rule-dependencies';
import { recordOutcome, reuseRecorded, type OutcomesByKey } from './reuse-outcome';
import { shiftRange, textShift, type TextShift } from './text-shift';

interface FileSnapshot {
  text: string;
  parsed: HclFile;
  /** Identity of each top-level item: `block resource aws_s3_bucket b`, `attribute region`. */
  items: string[];
}

interface Generation {
  files: Map<string, FileSnapshot>;
  /** Where each top-level block sits: `file#index`, the part of a subject's key that survives edits. */
  blockKeys: Map<Block, string>;
  rules: readonly Rule[];
  config: EngineConfig;
  inputsKey: string;
  /** By subject key (a subject meets a handful of rules). */
  outcomes: OutcomesByKey;
  subjectKeys: Map<Subject, string | undefined>;
}

/** What changed since the previous lint, when reuse is possible at all. */
interface Change {
  shifts: Map<string, TextShift | undefined>;
  taintedBlocks: Set<Block>;
  taintedTypes: Set<string>;
  mapRange: (file: string, range: Range) => Range | undefined;
}

function itemIdentity(item: HclFile['body']['items'][number]): string {
  return item.type === 'Block' ? `block ${item.blockType} ${item.labels.map((l) => l.value).join(' ')}` : `attribute ${item.name}`;
}

const referencesCache = new WeakMap<Block, Set<string>>();

/**
 * What the block's expressions refer to, as addresses: `aws_kms_key.records`,
 * `data.aws_iam_policy_document.x`, `local.key`, `var.region`. A reference too short to name one
 * thing (`local`, `data.aws_ami`) is kept as written and matches everything it starts; an
 * expression too deep to read becomes `*`, which matches everything.
 */
function referencesOf(block: Block): Set<string> {
  let found = referencesCache.get(block);
  if (found) return found;
  const refs = new Set<string>();
  const visitExpr = (expr: Expression, depth: number): void => {
    if (depth > 256) {
      refs.add('*');
      return;
    }
    const traversal = traversalOf(expr);
    if (traversal) {
      const names: string[] = [traversal.root];
      for (const step of traversal.steps) {
        if (step.kind !== 'attr' || names.length === (traversal.root === 'data' ? 3 : 2)) break;
        names.push(step.name);
      }
      refs.add(names.join('.'));
      // Index keys hold references of their own (`aws_x.y[local.k]`).
      for (const step of traversal.steps) if (step.kind === 'index') visitExpr(step.key, depth + 1);
      return;
    }
    forEachChildExpression(expr, (child) => visitExpr(child, depth + 1));
  };
  const visitBody = (body: Block['body'], depth: number): void => {
    for (const item of body.items) {
      if (item.type === 'Attribute') visitExpr(item.expr, depth);
      else if (depth < 64) visitBody(item.body, depth + 1);
      else refs.add('*');
    }
  };
  visitBody(block.body, 0);
  found = refs;
  referencesCache.set(block, found);
  return found;
}

function refersToAny(references: Set<string>, addresses: Set<string>): boolean {
  for (const reference of references) if (addresses.has(reference)) return true;
  return false;
}

/** Every module of the tree (the root and the child modules it loaded), at most 32 levels deep. */
function moduleTree(module: TerraformModule, out: TerraformModule[] = [], depth = 0): TerraformModule[] {
  out.push(module);
  if (depth < 32) for (const child of module.children?.values() ?? []) moduleTree(child, out, depth + 1);
  return out;
}

function snapshotOf(module: TerraformModule): { files: Map<string, FileSnapshot>; blockKeys: Map<Block, string> } {
  const files = new Map<string, FileSnapshot>();
  const blockKeys = new Map<Block, string>();
  for (const file of moduleTree(module).flatMap((m) => [...m.files, ...(m.inputFiles ?? [])])) {
    if (files.has(file.path)) continue;
    files.set(file.path, { text: file.parsed.text, parsed: file.parsed, items: file.parsed.body.items.map(itemIdentity) });
    file.parsed.body.items.forEach((item, index) => {
      if (item.type === 'Block') blockKeys.set(item, `${file.path}#${index}`);
    });
  }
  return { files, blockKeys };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function blockText(file: FileSnapshot, range: Range): string {
  return file.text.slice(range.start.offset, range.end.offset);
}

/**
 * A file being typed in often does not parse (the benchmark's file ends inside a block). Reuse is
 * still safe when the edit neither added nor removed a parse error: each error is the old one,
 * moved with the text, so the parser recovered the same way around every unchanged block.
 */
function sameErrors(before: HclFile, now: HclFile, shift: TextShift): boolean {
  if (before.errors.length !== now.errors.length) return false;
  return before.errors.every((error, i) => {
    const moved = shiftRange(shift, error.range);
    const other = now.errors[i];
    return moved !== undefined && error.message === other.message && moved.start.offset === other.range.start.offset && moved.end.offset === other.range.end.offset;
  });
}

/** The addresses a block defines, or undefined for blocks whose change stops reuse. */
function addressesOf(block: Block): string[] | undefined {
  const labels = block.labels.map((l) => l.value);
  if (block.blockType === 'resource') return [labels.slice(0, 2).join('.')];
  if (block.blockType === 'data') return [['data', ...labels.slice(0, 2)].join('.')];
  if (block.blockType === 'locals') return block.body.items.map((item) => (item.type === 'Attribute' ? `local.${item.name}` : 'local'));
  if (block.blockType === 'module') return [`module.${labels[0] ?? ''}`];
  if (block.blockType === 'variable') return [`var.${labels[0] ?? ''}`];
  return undefined;
}

/**
 * Blocks whose text may change while outcomes of other blocks are reused: whatever they define is
 * read only through their addresses (`var.x`, `local.y`, `aws_x.y`, `module.m`), so the blocks
 * that refer to them are evaluated again and nothing else can see the change. (A module call's
 * arguments reach its child module, whose resources are not subjects of this module's lint; its
 * resource types are marked, so rules relating to them are evaluated again. A changed `source`
 * loads other files, which stops reuse.)
 */
const EDITABLE_BLOCKS = new Set(['resource', 'data', 'locals', 'variable', 'module']);

function analyse(previous: Generation, module: TerraformModule, current: Generation): Change | undefined {
  const files = current.files;
  if (files.size !== previous.files.size) return undefined;
  const rootFiles = new Set(module.files.map((f) => f.path));
  const shifts = new Map<string, TextShift | undefined>();
  const changed = new Set<Block>();
  for (const [path, now] of files) {
    const before = previous.files.get(path);
    if (!before || !sameList(before.items, now.items)) return undefined;
    const shift = textShift(before.text, now.text);
    shifts.set(path, shift);
    if (!shift) continue;
    if (now.parsed.syntax !== 'native' || before.parsed.syntax !== 'native' || !sameErrors(before.parsed, now.parsed, shift)) return undefined;
    // Child modules and tfvars are read through module calls and variables: a change there stops reuse.
    if (!/\.tf$/i.test(path) || !rootFiles.has(path)) return undefined;
    const items = now.parsed.body.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const old = before.parsed.body.items[i];
      if (blockText(before, old.range) === blockText(now, item.range)) {
        // Same text, same references: the re-parsed copy of an unchanged block need not be walked again.
        if (item !== old && item.type === 'Block' && old.type === 'Block' && !referencesCache.has(item)) referencesCache.set(item, referencesOf(old));
        continue;
      }
      if (item.type !== 'Block' || !EDITABLE_BLOCKS.has(item.blockType)) return undefined;
      changed.add(item);
    }
  }
  const taintedBlocks = new Set<Block>();
  const taintedTypes = new Set<string>();
  // Every tainted address, and each of its prefixes (`data`, `data.aws_ami`) for short references.
  const tainted = new Set<string>(['*']);
  const taint = (block: Block): boolean => {
    const addresses = addressesOf(block);
    if (!addresses) return false;
    taintedBlocks.add(block);
    if (block.blockType === 'module') {
      // Its arguments changed: so may every resource of the child module tree (and whatever it relates to).
      const child = module.children?.get(block.labels[0]?.value ?? '');
      for (const m of child ? moduleTree(child) : []) for (const r of [...m.resources, ...m.dataSources]) taintedTypes.add(r.type);
    } else if (block.blockType === 'resource' || block.blockType === 'data') taintedTypes.add(block.labels[0]?.value ?? '');
    for (const address of addresses) {
      const parts = address.split('.');
      for (let n = 1; n <= parts.length; n++) tainted.add(parts.slice(0, n).join('.'));
    }
    return true;
  };
  for (const block of changed) taint(block);
  // Child modules see the root only through module call arguments, and a module call that refers to
  // a tainted block stops reuse: only the root's own blocks are followed.
  const blocks: Block[] = [];
  for (const file of module.files) for (const item of file.parsed.body.items) if (item.type === 'Block') blocks.push(item);
  for (let grew = changed.size > 0; grew; ) {
    grew = false;
    for (const block of blocks) {
      if (taintedBlocks.has(block)) continue;
      if (!refersToAny(referencesOf(block), tainted)) continue;
      // Outputs are read only by a parent module, never inside their own.
      if (block.blockType === 'output') continue;
      if (!taint(block)) return undefined;
      grew = true;
    }
  }
  // Findings of many rules share range objects (a block header, an attribute value): move each once.
  const moved = new Map<Range, Range | undefined>();
  const mapRange = (file: string, range: Range): Range | undefined => {
    if (!shifts.has(file)) return undefined;
    const shift = shifts.get(file);
    if (!shift) return range;
    if (moved.has(range)) return moved.get(range);
    const result = shiftRange(shift, range);
    moved.set(range, result);
    return result;
  };
  return { shifts, taintedBlocks, taintedTypes, mapRange };
}


export class TerraformMemo implements OutcomeMemo {
  private previous?: Generation;
  private current?: Generation;
  private change?: Change;
  /** The last subject keyed (`reuse` and `record` ask about it one after the other); fields, not an object per call. */
  private lastKeyedGeneration?: Generation;
  private lastKeyedSubject?: Subject;
  private lastKey: string | undefined;
  /** Of the last lint: outcomes reused from the one before, and all outcomes (tests, benchmarks). */
  readonly stats = { reused: 0, total: 0 };

  /** Starts a lint of `module`; `inputsKey` names what else feeds it (the chosen var files). */
  begin(module: TerraformModule, rules: readonly Rule[], config: EngineConfig, inputsKey: string): void {
    const previous = this.previous;
    const current: Generation = { ...snapshotOf(module), rules, config, inputsKey, outcomes: new Map(), subjectKeys: new Map() };
    this.current = current;
    this.stats.reused = 0;
    this.stats.total = 0;
    this.change =
      previous && previous.config === config && previous.inputsKey === inputsKey && sameList(previous.rules, rules) ? analyse(previous, module, current) : undefined;
  }

  /** Keeps this lint's outcomes for the next one. */
  finish(): void {
    this.previous = this.current;
    this.current = undefined;
    this.change = undefined;
    this.lastKeyedGeneration = undefined;
    this.lastKeyedSubject = undefined;
  }

  /** `file#index` of the subject's block plus what tells its subjects apart; cached per subject. */
  private subjectKey(generation: Generation, subject: Subject): string | undefined {
    if (this.lastKeyedGeneration === generation && this.lastKeyedSubject === subject) return this.lastKey;
    let key = generation.subjectKeys.get(subject);
    if (key === undefined && !generation.subjectKeys.has(subject)) {
      const block = (subject.handle as Partial<HclHandle>).block;
      const place = block ? generation.blockKeys.get(block) : undefined;
      key = place === undefined ? undefined : `${place}\u0000${subject.scope ?? ''}\u0000${subject.type}\u0000${subject.name}`;
      generation.subjectKeys.set(subject, key);
    }
    this.lastKeyedGeneration = generation;
    this.lastKeyedSubject = subject;
    this.lastKey = key;
    return key;
  }

  reuse(rule: Rule, subject: Subject, makeContext: (subject: Subject) => EvalContext): SubjectOutcome | undefined {
    const { change, previous, current } = this;
    if (!change || !previous || !current) return undefined;
    const reads = ruleReads(rule);
    const block = (subject.handle as Partial<HclHandle>).block;
    if (!block || reads.predicates || change.taintedBlocks.has(block)) return undefined;
    // Most rules read no related type: no iterator made for them on every subject.
    if (reads.relatedTypes.size > 0) for (const type of reads.relatedTypes) if (type === '*' || change.taintedTypes.has(type)) return undefined;
    const reused = reuseRecorded(previous.outcomes, this.subjectKey(current, subject), change.mapRange, rule, subject, makeContext, current.config);
    if (reused) this.stats.reused++;
    return reused;
  }

  record(rule: Rule, subject: Subject, outcome: SubjectOutcome): void {
    const current = this.current;
    const key = current && this.subjectKey(current, subject);
    if (!current || key === undefined) return;
    this.stats.total++;
    recordOutcome(current.outcomes, key, rule, outcome);
  }
}
