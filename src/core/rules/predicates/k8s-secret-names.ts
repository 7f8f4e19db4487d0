/**
 * Telling secrets from ordinary settings by name and value, for environment variables, ConfigMap
 * keys and configuration files embedded in ConfigMaps. Names are split into words
 * (`dbPassword`, `DB_PASSWORD`, `spring.datasource.password` all give `PASSWORD` as a word); a
 * trailing word that describes the secret rather than holding it (`_FILE`, `_NAME`, `_ID`, `_TTL`)
 * makes the name an ordinary setting.
 */

/** Words that mark a secret wherever they appear in a name. */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PASSPHRASE',
  'PASS',
  'PWD',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'APIKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'PRIVATEKEY',
  'SECRETKEY',
  'ACCESSKEY',
]);

/** Word endings that mark a secret inside one run-together word (`DBPASSWORD`, `APITOKEN`). */
const SECRET_ENDINGS = ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'APIKEY'];

/** A last word that describes or configures the secret instead of holding it. */
const DESCRIPTIVE_LAST_WORDS = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'DIRECTORY', 'LOCATION', 'MOUNT', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT',
  'NAME', 'NAMES', 'ID', 'IDS', 'REF', 'ARN', 'TYPE', 'KIND', 'MODE', 'POLICY', 'FORMAT', 'ENCODING', 'VERSION',
  'LENGTH', 'LEN', 'SIZE', 'BITS', 'COUNT', 'MIN', 'MAX', 'RETRIES', 'ATTEMPTS', 'LIMIT',
  'TTL', 'TIMEOUT', 'EXPIRY', 'EXPIRATION', 'EXPIRES', 'LIFETIME', 'AGE', 'DAYS', 'HOURS', 'MINUTES', 'SECONDS',
  'INTERVAL', 'PERIOD', 'ROTATION', 'ALGORITHM', 'ALG', 'HEADER', 'FIELD', 'PARAM', 'PREFIX', 'SUFFIX',
  'ENABLED', 'ENABLE', 'DISABLED', 'DISABLE', 'REQUIRED', 'PROVIDER', 'ISSUER', 'AUDIENCE', 'SCOPE', 'SCOPES',
  'USER', 'USERNAME', 'LOGIN', 'STORE', 'KEYSTORE', 'TRUSTSTORE', 'ENCODER', 'HASH', 'HASHING', 'RESET',
  'HINT', 'STRENGTH', 'COMPLEXITY', 'PATTERN', 'REGEX', 'VALIDATION', 'CHANGE',
]);

/** Words before a final `KEY` that make it an ordinary key (a cache key, a public key). */
const ORDINARY_KEY_WORDS = new Set([
  'PUBLIC', 'PARTITION', 'SORT', 'PRIMARY', 'FOREIGN', 'CACHE', 'ROUTING', 'IDEMPOTENCY', 'LOOKUP', 'OBJECT',
  'BUCKET', 'QUEUE', 'TOPIC', 'MAP', 'INDEX', 'UNIQUE', 'SHARD', 'GROUP', 'STREAM', 'EVENT', 'SEARCH', 'NAMESPACE',
  'HOT', 'SHORTCUT', 'SORTING', 'DEDUP', 'DEDUPLICATION', 'CORRELATION', 'MESSAGE', 'RECORD', 'ROW', 'COLUMN',
  'TABLE', 'HASH', 'STATE', 'STORE', 'LOCK', 'TENANT', 'LABEL', 'ANNOTATION', 'CONFIG', 'SETTINGS', 'FEATURE',
]);

/** `dbPassword`, `DB_PASSWORD`, `db-password`, `spring.datasource.password` → upper-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toUpperCase());
}

export function looksLikeSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  // `PWD` alone is the shell's working directory.
  if (words.length === 1 && words[0] === 'PWD') return false;
  const last = words[words.length - 1];
  if (DESCRIPTIVE_LAST_WORDS.has(last)) return false;
  if (words.some((w) => SECRET_WORDS.has(w) || SECRET_ENDINGS.some((ending) => w.length > ending.length && w.endsWith(ending)))) return true;
  if (last === 'KEY' || last === 'KEYS') {
    const before = words[words.length - 2];
    return before === undefined || !ORDINARY_KEY_WORDS.has(before);
  }
  return false;
}

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'null', '~']);

/**
 * A value that holds a secret itself rather than pointing to one: not empty, not a flag, not a
 * `$(VAR)` reference Kubernetes expands, not a `${...}` / `{{ }}` placeholder filled in later,
 * not a file path or a URL without credentials, not SOPS ciphertext.
 */
export function isLiteralSecretValue(value: string): boolean {
  const text = value.trim();
  if (text === '' || BOOLEAN_WORDS.has(text.toLowerCase())) return false;
  if (/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(text)) return false;
  if (text.includes('${') || text.includes('{{') || text.startsWith('ENC[')) return false;
  if (text.startsWith('/') || /^[A-Za-z]:\\/.test(text)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !hasUrlCredentials(text)) return false;
  if (/^(vault|arn|ssm|secretsmanager|azurekeyvault|gcpsm|ref\+[a-z]+):/i.test(text)) return false;
  return true;
}

/** `postgres://app:s3cret@db:5432/ehr` carries a password whatever the setting is called. */
export function hasUrlCredentials(value: string): boolean {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/\s@]*)@/i.exec(value.trim());
  if (!match) return false;
  const colon = match[1].indexOf(':');
  if (colon < 0) return false;
  const password = match[1].slice(colon + 1);
  return password !== '' && !password.includes('${') && !/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(password);
}

/** `Server=db;User Id=app;Password=s3cret;` and storage connection strings with an account key. */
export function hasConnectionStringSecret(value: string): boolean {
  const match = /(?:^|;)\s*(?:password|pwd|accountkey|sharedaccesskey)\s*=\s*([^;]*)/i.exec(value);
  if (!match) return false;
  const secret = match[1].trim();
  return secret !== '' && !secret.includes('${') && !secret.includes('{{') && !/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(secret);
}

/**
 * A value left for someone to fill in (`<api-key>`, `INSERT_TOKEN_HERE`, `yourpassword`,
 * `token_goes_here`, `GOOGLE_API_KEY_VAL`):
 * the manifest cannot work as written, and no secret is disclosed.
 */
export function isFillInPlaceholder(name: string, value: string): boolean {
  const text = value.trim();
  if (/^<[^<>]+>$/.test(text) || /^(insert|replace|enter|your)[-_ ]/i.test(text)) return true;
  if (/^your(password|passwd|pwd|secret|token|apikey|key)/i.test(text) || /^[a-z_ -]*[-_ ]here$/i.test(text)) return true;
  const bareName = name.trim().toUpperCase();
  return bareName.length >= 6 && text.toUpperCase().includes(bareName);
}

/** Why a name/value pair is a secret written in clear, or undefined when it is not. */
export function secretLiteralReason(name: string, value: string): string | undefined {
  if (hasUrlCredentials(value)) return `${name}, a URL with a password`;
  if (hasConnectionStringSecret(value)) return `${name}, a connection string with a password or key`;
  if (looksLikeSecretName(name) && isLiteralSecretValue(value) && !isFillInPlaceholder(name, value)) return name;
  return undefined;
}
