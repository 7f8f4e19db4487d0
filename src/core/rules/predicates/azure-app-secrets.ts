/**
 * Secrets written into App Service and Function App settings: connection strings that carry a
 * password or account key, and settings named like secrets that hold a literal value instead of
 * a Key Vault reference. Values the code does not determine (references to other resources,
 * variables without a value) are not secrets written here, so they pass.
 */
import type { Range } from '../../text/position';
import type { Scope } from '../../subjects/types';
import type { HclHandle } from '../../subjects/terraform-scope';
import type { ValueOrigin } from '../../terraform/types';
import { evaluate, getAttribute, staticString } from '../../terraform';
import { staticName } from '../../terraform/blocks';
import { combineAll, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';

/** `Password=...`, `AccountKey=...`, `SharedAccessKey=...` inside a connection string. */
const CONNECTION_SECRET = /(?:^|;)\s*(?:password|pwd|accountkey|sharedaccesskey|sharedaccesssignature)\s*=\s*[^;\s]/i;
/** Setting names that announce a secret (`DB_PASSWORD`, `ClientSecret`, `STRIPE_API_KEY`). */
const SECRET_NAME = /(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|private[_-]?key|token)$/i;
const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(/i;

export function isSecretSetting(name: string, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '' || KEY_VAULT_REFERENCE.test(text)) return false;
  if (CONNECTION_SECRET.test(text)) return true;
  // A flag or a tiny value next to a secret-sounding name is configuration, not a credential.
  return SECRET_NAME.test(name.trim()) && text.length >= 8 && !/^(true|false|enabled|disabled)$/i.test(text);
}

export function isSecretConnectionString(value: unknown): boolean {
  return typeof value === 'string' && !KEY_VAULT_REFERENCE.test(value.trim()) && CONNECTION_SECRET.test(value);
}

function failure(scope: Scope, range: Range, origins: ValueOrigin[], what: string): Evidence {
  return { outcome: 'fail', range, origins, scope, valueText: what };
}

/** Entries of `app_settings`: each literal entry points at its own value; a computed map at the attribute. */
function appSettingFailures(scope: Scope): Evidence[] {
  const handle = scope.handle as HclHandle | undefined;
  if (handle?.kind !== 'hcl') return [];
  const attribute = getAttribute(handle.body, 'app_settings');
  if (!attribute) return [];
  const out: Evidence[] = [];
  if (attribute.expr.type === 'Object') {
    for (const item of attribute.expr.items) {
      const name = staticName(item.key) ?? staticString(item.key);
      if (name === undefined) continue;
      const evaluated = evaluate(handle.module, item.value, handle.evalScope);
      if (isSecretSetting(name, evaluated.value)) {
        const origin: ValueOrigin = { file: handle.file, range: item.value.range, description: `app_settings.${name} in ${handle.file}` };
        out.push(failure(scope, item.value.range, [origin, ...evaluated.origins], `app setting ${name}`));
      }
    }
    return out;
  }
  const whole = scope.resolve(['app_settings'])[0];
  if (whole.state !== 'known' || !whole.value || typeof whole.value !== 'object' || Array.isArray(whole.value)) return [];
  for (const [name, value] of Object.entries(whole.value as Record<string, unknown>)) {
    if (isSecretSetting(name, value)) out.push(failure(scope, whole.range, whole.origins, `app setting ${name}`));
  }
  return out;
}

function connectionStringFailures(scope: Scope): Evidence[] {
  const out: Evidence[] = [];
  for (const block of scope.items(['connection_string'])) {
    const value = block.resolve(['value'])[0];
    if (value.state === 'known' && isSecretConnectionString(value.value)) {
      const name = block.resolve(['name'])[0];
      const label = name.state === 'known' ? String(name.value) : 'connection string';
      out.push({ ...failure(block, value.range, value.origins, `connection string ${label}`), lookup: value });
    }
  }
  return out;
}

function storageKeyFailures(scope: Scope): Evidence[] {
  const key = scope.resolve(['storage_account_access_key'])[0];
  if (key.state !== 'known' || typeof key.value !== 'string' || key.value.trim() === '') return [];
  return [{ ...failure(scope, key.range, key.origins, 'storage account access key'), lookup: key }];
}

registerPredicate('azure-app-settings-no-literal-secrets', (scope: Scope): Evidence => {
  const failures = [...connectionStringFailures(scope), ...appSettingFailures(scope), ...storageKeyFailures(scope)];
  return failures.length ? combineAll(failures) : { outcome: 'pass', origins: [] };
});
