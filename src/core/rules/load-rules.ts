/**
 * Validates rule definitions (already parsed from YAML) and turns them into `Rule`s. The checks
 * mirror `rules/schema/rule.schema.json` and add what a schema cannot say: known predicates, safe
 * regular expressions, and cited controls that exist in the catalog.
 */
import type { Severity } from '../findings/types';
import type { Condition, FixOperation, FixSpec } from './condition-types';
import { VALUE_OPERATORS } from './operators';
import { getPredicate } from './predicates/registry';
import type { Rule } from './rule';
import type { RuleTarget, UseCase } from './types';
import { checkRegexSafety } from './safe-regex';
import { splitPath } from './path-segments';

export interface RuleLoadError {
  ruleId: string;
  definedIn: string;
  message: string;
}

const TARGETS: RuleTarget[] = ['terraform', 'kubernetes', 'app-config', 'compose', 'mosquitto'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const USE_CASES: UseCase[] = ['ehr', 'remote-care', 'medical-devices'];
const ID_PATTERN = /^(aws|azure|gcp|tf|k8s|spring|aspnet|fhir|hapi|orthanc|mosquitto|compose|app|config)-[a-z0-9]+(-[a-z0-9]+)+$/;

type Raw = Record<string, unknown>;

export function loadRules(
  data: unknown[],
  options: { knownControls?: (id: string) => boolean; fromWorkspace?: boolean } = {},
): { rules: Rule[]; errors: RuleLoadError[] } {
  const rules: Rule[] = [];
  const errors: RuleLoadError[] = [];
  const seen = new Set<string>();
  for (const entry of data) {
    const raw = (entry ?? {}) as Raw;
    const id = typeof raw.id === 'string' ? raw.id : '(missing id)';
    const definedIn = typeof raw.definedIn === 'string' ? raw.definedIn : '(unknown file)';
    const problems: string[] = [];
    const fail = (message: string) => problems.push(message);

    if (!ID_PATTERN.test(id)) fail('id must be kebab-case and start with its platform (aws-, azure-, gcp-, k8s-, spring-, ...)');
    if (seen.has(id)) fail('duplicate rule id');
    seen.add(id);
    const str = (key: string) => {
      const v = raw[key];
      if (typeof v !== 'string' || v.trim() === '') fail(`"${key}" must be a non-empty string`);
      return typeof v === 'string' ? v.trim() : '';
    };
    const title = str('title');
    const family = str('family');
    const severity = raw.severity as Severity;
    if (!SEVERITIES.includes(severity)) fail('"severity" must be error, warning or info');
    const target = raw.target as RuleTarget;
    if (!TARGETS.includes(target)) fail(`"target" must be one of ${TARGETS.join(', ')}`);
    const message = (raw.message ?? {}) as Raw;
    for (const part of ['what', 'why', 'fix']) {
      if (typeof message[part] !== 'string' || (message[part] as string).trim() === '') fail(`"message.${part}" must be a non-empty sentence`);
    }
    const remediation = str('remediation');
    const controls = Array.isArray(raw.controls) ? (raw.controls as unknown[]).map(String) : [];
    if (controls.length === 0) fail('"controls" must cite at least one control');
    if (options.knownControls) {
      for (const c of controls) if (!options.knownControls(c)) fail(`cites unknown control "${c}"`);
    }
    const useCases = Array.isArray(raw.useCases) ? (raw.useCases as UseCase[]) : [];
    for (const u of useCases) if (!USE_CASES.includes(u)) fail(`unknown use case "${u}"`);
    const select = (raw.select ?? {}) as Raw;
    const types = Array.isArray(select.types) ? (select.types as unknown[]).map(String) : [];
    if (types.length === 0) fail('"select.types" must list at least one resource type, kind or config kind');
    const scope = (select.scope ?? 'object') as 'object' | 'pod' | 'container';
    if (!['object', 'pod', 'container'].includes(scope)) fail('"select.scope" must be object, pod or container');
    if (select.when !== undefined) checkCondition(select.when, 'select.when', fail);
    if (raw.condition === undefined) fail('"condition" is required');
    else checkCondition(raw.condition, 'condition', fail);
    let fix: FixSpec | undefined;
    if (raw.fix !== undefined) {
      const f = raw.fix as Raw;
      if (typeof f.title !== 'string' || !Array.isArray(f.ops) || f.ops.length === 0) fail('"fix" needs a "title" and at least one op');
      else {
        for (const op of f.ops as FixOperation[]) checkFixOp(op, fail);
        fix = { title: f.title, ops: f.ops as FixOperation[], safe: f.safe !== false };
      }
    } else if (typeof raw.noFixReason !== 'string') {
      fail('a rule without "fix" must say why in "noFixReason"');
    }
    if (problems.length) {
      for (const message of problems) errors.push({ ruleId: id, definedIn, message });
      continue;
    }
    rules.push({
      meta: {
        id,
        title,
        severity,
        target,
        selectors: types,
        controls,
        useCases,
        message: { what: String(message.what).trim(), why: String(message.why).trim(), fix: String(message.fix).trim() },
        remediation,
        fixable: fix !== undefined,
        noFixReason: typeof raw.noFixReason === 'string' ? raw.noFixReason : undefined,
        healthData: raw.healthData === true,
        definedIn,
        family,
      },
      select: { types, scope, when: select.when as Condition | undefined },
      condition: raw.condition as Condition,
      fix,
      fromWorkspace: options.fromWorkspace === true,
    });
  }
  return { rules, errors };
}

function checkCondition(value: unknown, where: string, fail: (m: string) => void, depth = 0): void {
  if (depth > 32) return fail(`${where}: nested too deeply`);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(`${where}: a condition must be a mapping`);
  const c = value as Raw;
  if (typeof c.path === 'string') {
    try {
      splitPath(c.path);
    } catch (error) {
      fail(`${where}: ${(error as Error).message}`);
    }
    const ops = VALUE_OPERATORS.filter((op) => op in c);
    if (ops.length === 0) fail(`${where}: a value test on "${c.path}" needs an operator (${VALUE_OPERATORS.join(', ')})`);
    const allowed = new Set<string>([...VALUE_OPERATORS, 'path', 'default', 'match', 'ignoreCase']);
    for (const key of Object.keys(c)) if (!allowed.has(key)) fail(`${where}: unknown key "${key}" in a value test`);
    for (const key of ['matches', 'notMatches']) {
      if (c[key] === undefined) continue;
      const problem = typeof c[key] === 'string' ? checkRegexSafety(c[key] as string) : 'must be a string';
      if (problem) fail(`${where}.${key}: ${problem}`);
      else {
        try {
          new RegExp(c[key] as string);
        } catch (error) {
          fail(`${where}.${key}: ${(error as Error).message}`);
        }
      }
    }
    return;
  }
  const keys = Object.keys(c);
  if ('all' in c || 'any' in c) {
    const list = (c.all ?? c.any) as unknown;
    if (!Array.isArray(list) || list.length === 0) return fail(`${where}: "${keys[0]}" needs a non-empty list`);
    list.forEach((item, i) => checkCondition(item, `${where}.${keys[0]}[${i}]`, fail, depth + 1));
    return;
  }
  if ('not' in c) return checkCondition(c.not, `${where}.not`, fail, depth + 1);
  if ('each' in c || 'some' in c) {
    if (typeof (c.each ?? c.some) !== 'string') fail(`${where}: "each"/"some" takes a path`);
    checkCondition(c.require, `${where}.require`, fail, depth + 1);
    if (c.where !== undefined) checkCondition(c.where, `${where}.where`, fail, depth + 1);
    return;
  }
  if ('related' in c) {
    const r = c.related as Raw;
    if (!r || !Array.isArray(r.types) || typeof r.via !== 'string') fail(`${where}.related needs "types" and "via"`);
    else if (r.require !== undefined) checkCondition(r.require, `${where}.related.require`, fail, depth + 1);
    return;
  }
  if ('predicate' in c) {
    if (typeof c.predicate !== 'string' || !getPredicate(c.predicate)) fail(`${where}: unknown predicate "${String(c.predicate)}"`);
    return;
  }
  fail(`${where}: unrecognised condition with keys ${keys.join(', ')}`);
}

function checkFixOp(op: FixOperation, fail: (m: string) => void): void {
  const o = op as Raw;
  const kinds = FIX_OPS.filter((k) => k in o);
  if (kinds.length !== 1) return fail(`each fix op must be exactly one of ${FIX_OPS.join(', ')}`);
  const body = o[kinds[0]] as Raw;
  if (!body || typeof body !== 'object') return fail(`fix op "${kinds[0]}" needs a mapping`);
  if (kinds[0] === 'set' && (typeof body.path !== 'string' || !('value' in body))) fail('fix "set" needs path and value');
  if (kinds[0] === 'remove' && typeof body.path !== 'string') fail('fix "remove" needs path');
  if (kinds[0] === 'addBlock' && (typeof body.path !== 'string' || typeof body.hcl !== 'string')) fail('fix "addBlock" needs path and hcl');
  if (kinds[0] === 'addResource' && (typeof body.type !== 'string' || typeof body.name !== 'string' || typeof body.hcl !== 'string')) {
    fail('fix "addResource" needs type, name and hcl');
  }
  if (kinds[0] === 'removeItem') {
    if (!Array.isArray(body.lists) || body.lists.length === 0 || !body.lists.every((l) => typeof l === 'string')) fail('fix "removeItem" needs "lists": the keys of the lists it may edit');
    if (body.ifEmpty !== undefined && !['empty', 'removeKey', 'removeParentItem'].includes(String(body.ifEmpty))) fail('fix "removeItem": "ifEmpty" must be empty, removeKey or removeParentItem');
  }
  if (kinds[0] === 'replace') {
    if (!('value' in body)) fail('fix "replace" needs value');
    if (body.at !== undefined && (!Array.isArray(body.at) || !body.at.every((k) => typeof k === 'string'))) fail('fix "replace": "at" must list keys');
  }
  if (kinds[0] === 'appendItem' && (typeof body.path !== 'string' || !('value' in body))) fail('fix "appendItem" needs path and value');
  if (kinds[0] === 'addDocument' && (!body.value || typeof body.value !== 'object' || Array.isArray(body.value))) fail('fix "addDocument" needs a mapping as value');
  for (const key of ['path'] as const) {
    if (typeof body[key] !== 'string') continue;
    try {
      splitPath(body[key] as string);
    } catch (error) {
      fail(`fix "${kinds[0]}": ${(error as Error).message}`);
    }
  }
  if ('value' in body) checkComputedValue(body.value, `fix "${kinds[0]}"`, fail);
}

const FIX_OPS = ['set', 'remove', 'addBlock', 'addResource', 'removeItem', 'replace', 'appendItem', 'addDocument'];

/** Expressions inside fix values (`$from`, `$template`, `$found`) must be well formed. */
function checkComputedValue(value: unknown, where: string, fail: (m: string) => void, depth = 0): void {
  if (depth > 32 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((item) => checkComputedValue(item, where, fail, depth + 1));
  const v = value as Raw;
  if ('$from' in v) {
    const paths = Array.isArray(v.$from) ? v.$from : [v.$from];
    if (paths.length === 0 || !paths.every((p) => typeof p === 'string')) fail(`${where}: "$from" takes a path or a list of paths`);
    for (const key of Object.keys(v)) if (!['$from', 'all', 'optional', 'notOneOf'].includes(key)) fail(`${where}: unknown key "${key}" beside "$from"`);
    return;
  }
  if ('$template' in v) {
    if (typeof v.$template !== 'string') fail(`${where}: "$template" takes a string`);
    return;
  }
  if ('$found' in v) return;
  for (const inner of Object.values(v)) checkComputedValue(inner, where, fail, depth + 1);
}
