/**
 * What kind of file this is, from its name and its content together: a `.yaml` file may be a
 * Kubernetes manifest, a Helm template, compose, Spring configuration or something else, and only
 * the keys inside tell. The decision order is the order of the checks below; the first match wins.
 */
import { hasPlainTemplateActions, hasTemplateActions } from '../yaml/helm-mask';
import { childrenOf, hasTopLevel, jsonOutline, yamlOutline, type Outline } from './outline';

export type DocumentKind =
  | 'terraform'
  | 'terraform-json'
  | 'tfvars'
  | 'tfvars-json'
  | 'kubernetes'
  | 'kustomization'
  | 'helm-template'
  | 'helm-values'
  | 'compose'
  | 'spring-config'
  | 'aspnet-config'
  | 'hapi-fhir-config'
  | 'orthanc-config'
  | 'dotenv'
  | 'properties'
  | 'mosquitto'
  | 'enisa-config'
  | 'rule-file'
  | 'json'
  | 'yaml'
  | 'unknown';

/** What the caller knows about the file's surroundings (the engine itself reads no directories). */
export interface ClassifyContext {
  /** Names of the other entries in the file's directory. */
  siblings?: readonly string[];
  /** A `Chart.yaml` exists in the file's directory or one of its parents. */
  insideHelmChart?: boolean;
}

/** The syntax a kind is written in, so callers pick the parser. */
export type DocumentSyntax = 'hcl' | 'hcl-json' | 'yaml' | 'json' | 'properties' | 'env' | 'mosquitto' | 'none';

export function documentSyntax(kind: DocumentKind, path: string): DocumentSyntax {
  switch (kind) {
    case 'terraform':
    case 'tfvars':
      return 'hcl';
    case 'terraform-json':
    case 'tfvars-json':
      return 'hcl-json';
    case 'dotenv':
      return 'env';
    case 'properties':
      return 'properties';
    case 'mosquitto':
      return 'mosquitto';
    case 'unknown':
      return 'none';
    default: {
      const name = baseName(path);
      if (name.endsWith('.properties')) return 'properties';
      return /\.jsonc?$/.test(name) ? 'json' : 'yaml';
    }
  }
}

const MOSQUITTO_STRONG = /^[ \t]*(listener|allow_anonymous|password_file|acl_file|per_listener_settings|persistence_location|psk_file|psk_hint|require_certificate|use_identity_as_username|auth_plugin|connection_messages|max_inflight_messages|max_queued_messages|allow_zero_length_clientid)[ \t]/m;
const MOSQUITTO_WEAK = new Set(['persistence', 'user', 'pid_file', 'log_dest', 'log_type', 'log_timestamp', 'include_dir', 'port', 'bind_address', 'autosave_interval', 'sys_interval', 'retain_available', 'max_connections', 'protocol', 'certfile', 'keyfile', 'cafile', 'tls_version', 'message_size_limit', 'max_keepalive', 'persistent_client_expiration', 'socket_domain', 'mount_point']);
const ORTHANC_STRONG = new Set([
  'DicomAet',
  'OrthancName',
  'RemoteAccessAllowed',
  'AuthenticationEnabled',
  'RegisteredUsers',
  'DicomModalities',
  'OrthancPeers',
  'OrthancExplorer2',
  'DicomTlsEnabled',
  'DicomServerEnabled',
  'DicomCheckCalledAet',
  'DicomAlwaysAllowEcho',
  'StorageDirectory',
  'IndexDirectory',
  'StorageCompression',
  'HttpsVerifyPeers',
  'StoneWebViewer',
  'ServeFolders',
  'DicomWeb',
  'Worklists',
  'OverwriteInstances',
  'StableAge',
  'ExecuteLuaEnabled',
  'DeidentifyLogs',
]);
const ORTHANC_WEAK = new Set(['Name', 'HttpPort', 'DicomPort', 'Plugins', 'SslEnabled', 'SslCertificate', 'ConcurrentJobs', 'LuaScripts', 'HttpTimeout', 'Transfers', 'Gdcm', 'Authorization', 'PostgreSQL', 'MySQL', 'Odbc', 'PythonScript', 'AwsS3Storage', 'AzureBlobStorage', 'GoogleCloudStorage']);
const ORTHANC_DATABASE_KEYS = new Set(['EnableIndex', 'EnableStorage', 'IndexConnectionsCount', 'Lock', 'EnableSsl', 'MaximumConnectionRetries']);
const SPRING_TOP = ['spring', 'server', 'management'];
const SPRING_CHILDREN = new Set(['datasource', 'jpa', 'application', 'profiles', 'config', 'security', 'cloud', 'mvc', 'web', 'main', 'flyway', 'liquibase', 'kafka', 'rabbitmq', 'data', 'mail', 'sql', 'h2', 'boot', 'servlet', 'autoconfigure', 'elasticsearch', 'batch', 'ai', 'jackson', 'thymeleaf']);
const RULE_ID = /^(?:- )?id:\s*["']?(?:aws|azure|gcp|tf|k8s|spring|aspnet|fhir|hapi|orthanc|mosquitto|compose|app|config)-[a-z0-9-]+["']?\s*$/m;

export function classifyFile(path: string, text: string, context?: ClassifyContext): DocumentKind {
  const normalised = path.replace(/\\/g, '/');
  const name = baseName(normalised);
  const lower = name.toLowerCase();
  if (lower.endsWith('.tf.json')) return 'terraform-json';
  if (lower.endsWith('.tfvars.json')) return 'tfvars-json';
  if (lower.endsWith('.tf')) return 'terraform';
  if (lower.endsWith('.tfvars')) return 'tfvars';
  if (lower === '.enisa-health.yaml' || lower === '.enisa-health.yml') return 'enisa-config';
  if (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) return 'dotenv';
  if (lower.endsWith('.properties')) return classifyProperties(lower, text);
  if (lower.endsWith('.conf')) return lower === 'mosquitto.conf' || looksLikeMosquitto(text) ? 'mosquitto' : 'unknown';
  if (/\.ya?ml$/.test(lower)) return classifyYaml(normalised, lower, text, context);
  if (/\.jsonc?$/.test(lower)) return classifyJson(lower, text);
  return 'unknown';
}

/**
 * A mosquitto directive that no other `.conf` dialect uses, or a file made only of `option value`
 * lines whose options mosquitto knows (at least two of them).
 */
function looksLikeMosquitto(text: string): boolean {
  if (MOSQUITTO_STRONG.test(text)) return true;
  let known = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = /^([a-z_]+)(?:[ \t]+[^{};]*)?$/.exec(trimmed);
    if (!match || !MOSQUITTO_WEAK.has(match[1])) return false;
    known++;
  }
  return known >= 2;
}

function classifyProperties(lower: string, text: string): DocumentKind {
  const keys = propertyKeys(text);
  if (keys.some((k) => k.startsWith('hapi.fhir.'))) return 'hapi-fhir-config';
  const springNamed = /^(application|bootstrap)([-.].*)?\.properties$/.test(lower);
  if (springNamed && keys.some((k) => SPRING_TOP.some((top) => k.startsWith(top + '.')))) return 'spring-config';
  return 'properties';
}

/** Keys of a .properties file, enough to recognise it (continuations and escapes do not matter). */
function propertyKeys(text: string): string[] {
  const keys: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const match = /^[ \t\f]*([^#!\s=:][^\s=:]*)/.exec(line);
    if (match) keys.push(match[1].toLowerCase());
  }
  return keys;
}

function classifyYaml(path: string, lower: string, text: string, context: ClassifyContext | undefined): DocumentKind {
  if (lower === 'kustomization.yaml' || lower === 'kustomization.yml') return 'kustomization';
  const outline = yamlOutline(text);
  if (isRuleFile(path, text, outline)) return 'rule-file';
  const inTemplatesDir = /(^|\/)templates\//.test(path);
  const templated = hasTemplateActions(text);
  if (inTemplatesDir && (context?.insideHelmChart || templated)) return 'helm-template';
  if (lower === 'chart.yaml' || lower === 'chart.yml') return 'yaml';
  if (isHelmValues(lower, context)) return 'helm-values';
  const manifest = hasTopLevel(outline, 'apiVersion', 'kind');
  if (manifest) return templated && hasPlainTemplateActions(text) ? 'helm-template' : 'kubernetes';
  if (isCompose(lower, outline)) return 'compose';
  if (hasTopLevel(outline, 'hapi') && childrenOf(outline, 'hapi').includes('fhir')) return 'hapi-fhir-config';
  if (isSpringYaml(lower, outline)) return 'spring-config';
  return 'yaml';
}

function isRuleFile(path: string, text: string, outline: Outline): boolean {
  if (/(^|\/)rules\/packs\//.test(path)) return true;
  if (!RULE_ID.test(text)) return false;
  const hasCondition = /^(?:- |\s+)?condition:/m.test(text);
  const hasSelector = /^(?:- |\s+)?(?:select|target):/m.test(text);
  return hasCondition && hasSelector && !hasTopLevel(outline, 'apiVersion', 'kind');
}

function isHelmValues(lower: string, context: ClassifyContext | undefined): boolean {
  if (!/^(values([-._].*)?|.*[-._]values)\.ya?ml$/.test(lower)) return false;
  if (!context) return lower === 'values.yaml' || lower === 'values.yml';
  const chartBeside = (context.siblings ?? []).some((s) => s === 'Chart.yaml' || s === 'Chart.yml');
  return chartBeside || context.insideHelmChart === true;
}

function isCompose(lower: string, outline: Outline): boolean {
  if (!hasTopLevel(outline, 'services')) return false;
  if (/^(docker-)?compose([-._].*)?\.ya?ml$/.test(lower)) return true;
  const services = childrenOf(outline, 'services');
  return services.some((service) =>
    outline.some((doc) => doc.has(`services/${service}/image`) || doc.has(`services/${service}/build`)),
  );
}

function isSpringYaml(lower: string, outline: Outline): boolean {
  const springNamed = /^(application|bootstrap)([-.].*)?\.ya?ml$/.test(lower);
  if (springNamed && SPRING_TOP.some((k) => hasTopLevel(outline, k))) return true;
  return childrenOf(outline, 'spring').some((child) => SPRING_CHILDREN.has(child));
}

function classifyJson(lower: string, text: string): DocumentKind {
  if (/^appsettings([-.].*)?\.jsonc?$/.test(lower)) return 'aspnet-config';
  const outline = jsonOutline(text);
  const top = [...outline[0]].filter((p) => !p.includes('/'));
  if (top.includes('apiVersion') && top.includes('kind')) return 'kubernetes';
  if (isOrthanc(top, outline)) return 'orthanc-config';
  return 'json';
}

function isOrthanc(top: string[], outline: Outline): boolean {
  if (top.some((k) => ORTHANC_STRONG.has(k))) return true;
  const databases = ['PostgreSQL', 'MySQL', 'Odbc'].filter((k) => top.includes(k));
  if (databases.some((db) => childrenOf(outline, db).some((c) => ORTHANC_DATABASE_KEYS.has(c)))) return true;
  return top.filter((k) => ORTHANC_WEAK.has(k)).length >= 2;
}

function baseName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  return parts[parts.length - 1];
}
