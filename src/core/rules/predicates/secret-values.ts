/**
 * Telling a secret written into configuration from a reference to one.
 *
 * - Names: the last word of a key decides (`spring.datasource.password`, `DB_PASSWORD`,
 *   `clientSecret`, `ApiKey`, `jwt.signing-key`); a describing last word (`password-file`,
 *   `token-uri`, `secret-name`) makes it an ordinary setting. A lone `PWD` is the shell's working
 *   directory.
 * - Values: placeholders resolved at run time (`${DB_PASSWORD}`, handled by the parsers), empty
 *   values, flags, obvious stand-ins (`<your-password>`, `xxxx`, `****`, `your_token`) and
 *   references to a secret store or file (`ENC(...)`, `{cipher}...`, `@Microsoft.KeyVault(...)`,
 *   `vault://...`, `/run/secrets/...`, `file:...`) are not secrets. A known weak default such as
 *   `changeme` or `changeit` works as a password, so it is one.
 * - Inside values: PEM private keys, `Password=`/`Pwd=` in connection strings, `user:password@`
 *   in URLs and `password=` in JDBC query strings, with a literal password.
 */

const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'secret', 'token', 'apikey', 'credential', 'credentials', 'privatekey', 'secretkey']);
/** Run-together last words that end in a secret word (`keystorepassword`, `clientsecret`, `apitoken`). */
const SECRET_ENDINGS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey'];
/** `<word> key` endings that hold key material. */
const KEY_MATERIAL = new Set(['api', 'private', 'secret', 'signing', 'encryption', 'master', 'account', 'shared', 'hmac']);

/** `spring.datasource.password`, `DB_PASSWORD`, `clientSecret` → lower-case words. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

export function isSecretName(key: string): boolean {
  const words = keyWords(key);
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  if (words.length === 1 && last === 'pwd') return false;
  if (SECRET_WORDS.has(last)) return true;
  if (SECRET_ENDINGS.some((ending) => last.length > ending.length && last.endsWith(ending))) return true;
  if (last === 'key' && words.length > 1) {
    const before = words[words.length - 2];
    return KEY_MATERIAL.has(before) || words.includes('secret');
  }
  return false;
}

const STAND_INS: RegExp[] = [
  /^<[^<>]*>$/,
  /^\[[^\]]*\]$/,
  /^(x+|\*+|\.{3,}|-+|_+|#+|\?+)$/i,
  /^your[-_ ]/i,
  /^your(password|passwd|pwd|secret|token|apikey|key)/i,
  /^(replace|insert|put|enter)[-_ ](me|your|the|here|with)/i,
  /^[a-z_ -]*[-_ ]here$/i,
  /^(enc|cipher|encrypted)\(.*\)$/is,
  /^\{cipher\}/i,
  /^@Microsoft\.KeyVault\(/i,
  /^[a-z][a-z0-9+.-]*:\/\/\S*$/i,
  /^(file|classpath|env|secret|vault|sm|ssm|awssm|gcpsm|azkv|op):/i,
  /^\/run\/secrets\//,
  /^\$\(.*\)$/s,
];

/** A value that cannot be a usable secret: a stand-in or a reference to where the secret lives. */
export function isStandIn(text: string): boolean {
  return STAND_INS.some((pattern) => pattern.test(text));
}

const FLAGS = /^(true|false|yes|no|on|off|null|none|nil|~|undefined)$/i;

/** Whether a value written under a secret name is the secret itself. */
export function isLiteralSecret(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text === '' || FLAGS.test(text)) return false;
  return !isStandIn(text) && !hasRuntimePlaceholder(text);
}

/** `${X}`, `{{ x }}`, `%X%` or `$X`: filled in at run time. */
function hasRuntimePlaceholder(text: string): boolean {
  return /\$\{[^}]*\}|\{\{[\s\S]*?\}\}|%[A-Za-z_][A-Za-z0-9_.-]*%|^\$[A-Za-z_][A-Za-z0-9_]*$/.test(text);
}

const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;

export function containsPrivateKey(value: unknown): boolean {
  return typeof value === 'string' && PRIVATE_KEY.test(value);
}

/** A literal password inside a connection string, URL or JDBC query: what kind, for messages. */
export function embeddedPassword(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ado = /(?:^|;)\s*(?:password|pwd)\s*=\s*([^;]*)/i.exec(value);
  if (ado && isLiteralSecret(unquote(ado[1]))) return 'a connection string with a password';
  // The scheme length is bounded: unanchored, `[a-z0-9+.-]*` made a long value without `://`
  // quadratic (a 200 KB value took 3 s).
  const url = /[a-z][a-z0-9+.-]{0,31}:\/\/[^:/?#@\s]+:([^@/?#\s]+)@/i.exec(value);
  if (url && isLiteralSecret(decodeSafely(url[1]))) return 'a URL with a password';
  const jdbc = /^jdbc:.*[?&;]password=([^&;]*)/is.exec(value);
  if (jdbc && isLiteralSecret(decodeSafely(jdbc[1]))) return 'a JDBC URL with a password';
  return undefined;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return /^(['"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Passwords documented as examples or shipped as defaults, and other guessable ones. */
const WELL_KNOWN_PASSWORDS = new Set([
  'orthanc',
  'demo',
  'alice',
  'alicepassword',
  'bob',
  'password',
  'passw0rd',
  'password1',
  'admin',
  'administrator',
  'changeme',
  'changeit',
  'secret',
  'test',
  'guest',
  'root',
  'toor',
  'user',
  'pass',
  'default',
  'letmein',
  'qwerty',
  '1234',
  '12345',
  '123456',
  '12345678',
]);

/** A password that is the user name, empty, or on the list of well-known defaults. */
export function isWeakCredential(user: string, password: string): boolean {
  const p = password.trim().toLowerCase();
  return p === '' || p === user.trim().toLowerCase() || WELL_KNOWN_PASSWORDS.has(p);
}
