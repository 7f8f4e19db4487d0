/**
 * Passwords, keys, tokens and connection strings written as literal text in Terraform, on any
 * provider's resources and provider configurations. A value is literal when the argument itself is
 * a string without interpolation, or when it reads a variable whose default (or a local value
 * that) is one: a default is code too, so the finding points at it and the argument that uses it
 * is the related location. A variable without a default is how secrets should arrive, and values
 * built from references or functions (`random_password`, `file()`, a secret manager) are fine.
 * Empty strings and null are not secrets; obvious placeholders such as "CHANGE_ME" are literals.
 */
import type { Range } from '../../text/position';
import type { Body, Expression } from '../../hcl/ast';
import type { Lookup, Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { staticString, type TerraformModule, type ValueOrigin } from '../../terraform';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { PASS } from './gcp-scopes';

/** Argument names that hold secrets, as a whole name or as its last `_` part(s). */
const SECRET_NAME =
  /^(?:.+_)?(?:password|passwd|pwd|passphrase|secret|token|access_key|secret_key|private_key|api_key|account_key|shared_key|client_key|master_key|auth_key|raw_key|connection_string|sas_token)$/;

/** Names that match the pattern but hold identifiers, not secrets. */
const NOT_SECRETS = new Set(['creation_token', 'client_request_token', 'idempotency_token', 'client_token']);

/** Arguments that hold a secret's value on resources whose whole purpose is to store one. */
const SECRET_VALUE_ARGUMENTS: Record<string, string[]> = {
  google_secret_manager_secret_version: ['secret_data'],
  google_secret_manager_regional_secret_version: ['secret_data'],
  aws_secretsmanager_secret_version: ['secret_string'],
  azurerm_key_vault_secret: ['value'],
};

/** Blocks that name a secret kept elsewhere (`secret = "db-password"` is the secret's name). */
const SECRET_REFERENCE_BLOCK = /secret_key_ref|secret_environment_variables|secret_volumes|value_source|secret_env|key_vault_secret/;

/** Values that point at a secret store rather than being one. */
const STORE_REFERENCE = /^(?:@Microsoft\.KeyVault\(|arn:aws[\w-]*:(?:secretsmanager|ssm|kms):|projects\/[^/]+\/secrets\/)/;

export function isSecretArgument(name: string, resourceType: string, enclosingBlocks: string[]): boolean {
  const base = name.replace(/_wo$/, '');
  if (SECRET_VALUE_ARGUMENTS[resourceType]?.includes(base) && enclosingBlocks.length === 0) return true;
  // Azure app settings and container apps keep secrets as `value` inside these blocks.
  if (base === 'value' && ['connection_string', 'secret'].includes(enclosingBlocks[enclosingBlocks.length - 1] ?? '')) return true;
  if (NOT_SECRETS.has(base) || !SECRET_NAME.test(base)) return false;
  return !(base === 'secret' && enclosingBlocks.some((b) => SECRET_REFERENCE_BLOCK.test(b)));
}

interface LiteralSite {
  file: string;
  range: Range;
  /** How the value got there, outermost first, when it is not the argument itself. */
  via?: string;
}

/** Where the secret is written literally, following plain `var.x` and `local.x` references. */
export function literalSite(module: TerraformModule, file: string, expr: Expression, depth = 0): LiteralSite | undefined {
  if (depth > 16) return undefined;
  if (expr.type === 'Paren') return literalSite(module, file, expr.expr, depth + 1);
  const text = staticString(expr);
  if (text !== undefined) return text.trim() === '' || STORE_REFERENCE.test(text.trim()) ? undefined : { file, range: expr.range };
  if (expr.type !== 'GetAttr' || expr.target.type !== 'Variable') return undefined;
  if (expr.target.name === 'var') {
    const decl = module.variables.get(expr.name);
    if (!decl?.default) return undefined;
    const site = literalSite(module, decl.file, decl.default.expr, depth + 1);
    return site && { ...site, via: site.via ?? `the default of variable "${expr.name}"` };
  }
  if (expr.target.name === 'local') {
    const decl = module.locals.get(expr.name);
    if (!decl) return undefined;
    const site = literalSite(module, decl.file, decl.attribute.expr, depth + 1);
    return site && { ...site, via: site.via ?? `local value "${expr.name}"` };
  }
  return undefined;
}

/** A place in another file than the subject's, for findings that point at a variable default. */
function siteScope(file: string, range: Range): Scope & { file: string } {
  const absent = (path: string[]): Lookup => ({ state: 'absent', anchor: range, scope: siteScope(file, range), path });
  return { file, headerRange: range, resolve: (path) => [absent(path)], items: () => [], handle: { kind: 'no-fix' } };
}

function scanBody(scope: TerraformScope, body: Body, blocks: string[], subject: string, type: string, out: Evidence[]): void {
  for (const item of body.items) {
    if (item.type === 'Block') {
      // `dynamic "secret" { content { ... } }` writes `secret` blocks: name them by the label.
      const name = item.blockType === 'dynamic' ? item.labels[0]?.value : item.blockType === 'content' ? undefined : item.blockType;
      if (blocks.length < 16) scanBody(scope, item.body, name === undefined ? blocks : [...blocks, name], subject, type, out);
      continue;
    }
    if (!isSecretArgument(item.name, type, blocks)) continue;
    const site = literalSite(scope.module, scope.file, item.expr);
    if (!site) continue;
    const path = [...blocks, item.name].join('.');
    if (!site.via) {
      out.push({ outcome: 'fail', range: site.range, origins: [], scope, valueText: path });
      continue;
    }
    const use: ValueOrigin = { file: scope.file, range: item.expr.range, description: `its use as ${path} of ${subject} (through ${site.via})` };
    out.push({ outcome: 'fail', range: site.range, origins: [use], scope: siteScope(site.file, site.range), valueText: path });
  }
}

registerPredicate('tf-no-literal-secrets', (scope: Scope, _args, ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return PASS;
  const found: Evidence[] = [];
  scanBody(scope, scope.body, [], ctx.subject.name, ctx.subject.type, found);
  return found.length ? combineAll(found) : PASS;
});
