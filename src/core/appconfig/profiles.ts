/**
 * Which Spring profile or ASP.NET environment a configuration entry applies to.
 * - File names: `application-prod.yml` / `bootstrap-prod.properties` → `prod` (Spring);
 *   `appsettings.Production.json` → `Production` (ASP.NET).
 * - Inside Spring multi-document files (YAML `---`, or `#---` / `!---` lines in .properties):
 *   `spring.config.activate.on-profile` (Boot 2.4+) or the legacy `spring.profiles` give the
 *   profile of every entry of that document, written as in the file (`prod`, `!dev`,
 *   `prod & eu`, a list joined with `,`).
 * When both say something, the entry needs both: `prod & (cloud)`.
 */
import type { FlatConfig, FlatEntry } from '../documents/flat';

const SPRING_KINDS = new Set(['spring-config', 'hapi-fhir-config', 'properties']);
const ACTIVATION_KEYS = ['spring.config.activate.onprofile', 'spring.profiles'];

export function profileFromFileName(path: string, kind: string): string | undefined {
  const name = path.split(/[\\/]/).pop() ?? path;
  if (SPRING_KINDS.has(kind)) {
    const match = /^(?:application|bootstrap)-(.+)\.(?:ya?ml|properties)$/i.exec(name);
    return match ? match[1] : undefined;
  }
  if (kind === 'aspnet-config') {
    const match = /^appsettings\.(.+)\.jsonc?$/i.exec(name);
    return match ? match[1] : undefined;
  }
  return undefined;
}

export function isSpringKind(kind: string): boolean {
  return SPRING_KINDS.has(kind);
}

/** The profile a Spring document activates on, from its own entries. */
export function documentProfile(entries: FlatEntry[]): string | undefined {
  for (const key of ACTIVATION_KEYS) {
    const direct = entries.filter((e) => e.canonicalKey === key);
    if (direct.length > 0) return String(direct[direct.length - 1].value ?? '');
    const listed = entries.filter((e) => e.canonicalKey.startsWith(key + '.') && /^\d+$/.test(e.canonicalKey.slice(key.length + 1)));
    if (listed.length > 0) return listed.map((e) => String(e.value ?? '')).join(',');
  }
  return undefined;
}

export function combineProfiles(fromFile: string | undefined, fromDocument: string | undefined): string | undefined {
  if (!fromFile) return fromDocument || undefined;
  if (!fromDocument) return fromFile;
  return `${fromFile} & (${fromDocument})`;
}

/**
 * Spring's multi-document .properties files: a line that is exactly `#---` or `!---` separates
 * documents. Sets `profile` on every entry from the file name and its document's activation keys.
 */
export function applyPropertiesProfiles(config: FlatConfig, fileProfile: string | undefined): void {
  const separators = config.comments
    .filter((c) => (c.text === '#---' || c.text === '!---') && c.range.start.column === 0)
    .map((c) => c.range.start.offset);
  const groups: FlatEntry[][] = [[]];
  let next = 0;
  for (const entry of config.entries) {
    while (next < separators.length && separators[next] < entry.range.start.offset) {
      groups.push([]);
      next++;
    }
    groups[groups.length - 1].push(entry);
  }
  for (const group of groups) {
    const profile = combineProfiles(fileProfile, documentProfile(group));
    if (profile) for (const entry of group) entry.profile = profile;
  }
}

