/**
 * SARIF 2.1.0 for code-scanning services. Failures are `kind: fail` with the severity as level;
 * undetermined outcomes are `kind: review`, which the standard requires to carry `level: none`.
 * Waived findings stay in the log with an accepted suppression, so dashboards can show them as
 * dismissed; a waiver that expired is no suppression. The cited guidance controls are taxonomies
 * (one per catalog source) and each rule points at its controls through relationships.
 */
import type { Finding, Severity, TextEdit } from '../findings/types';
import type { Range } from '../text/position';
import type { RuleMeta } from '../rules/types';
import { ruleHelpMarkdown, ruleHelpText, ruleHelpUri, templateToGeneric } from './rule-text';
import { compareText, sortFindings } from './summary';
import type { ReportInput } from './types';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Our key in `partialFingerprints`; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'enisaHealthLint/v1';

type Json = Record<string, unknown>;
type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * GitHub ranks security alerts by a CVSS-like `security-severity`; these map our three severities
 * onto its high / medium / low bands.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function encodeUri(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

function artifactLocation(file: string): Json {
  return { uri: encodeUri(file), uriBaseId: SRCROOT };
}

function region(range: Range): Json {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.column + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.column + 1,
  };
}

function physicalLocation(file: string, range: Range): Json {
  return { artifactLocation: artifactLocation(file), region: region(range) };
}

interface Taxonomy {
  name: string;
  taxonomyIndex: number;
  taxonIndex: Map<string, number>;
  json: Json;
}

function buildTaxonomies(input: ReportInput, citedControls: Set<string>): Map<string, Taxonomy> {
  const taxonomies = new Map<string, Taxonomy>();
  const catalog = input.catalog;
  if (!catalog) return taxonomies;
  const bySource = new Map<string, string[]>();
  for (const id of [...citedControls].sort(compareText)) {
    const control = catalog.get(id);
    if (!control) continue;
    bySource.set(control.source, [...(bySource.get(control.source) ?? []), id]);
  }
  for (const sourceKey of [...bySource.keys()].sort(compareText)) {
    const source = catalog.source(sourceKey);
    const ids = bySource.get(sourceKey)!;
    const taxonIndex = new Map(ids.map((id, index) => [id, index]));
    const json: Json = {
      name: sourceKey,
      ...(source?.title ? { fullName: source.title } : {}),
      ...(source?.publisher ? { organization: source.publisher } : {}),
      ...(source?.date ? { version: source.date } : {}),
      ...(source?.url ? { informationUri: source.url } : {}),
      isComprehensive: false,
      taxa: ids.map((id) => {
        const control = catalog.get(id)!;
        return {
          id,
          name: control.title,
          ...(control.summary ? { shortDescription: { text: control.summary } } : {}),
          properties: { family: control.family, ...(control.ref ? { ref: control.ref } : {}) },
        };
      }),
    };
    taxonomies.set(sourceKey, { name: sourceKey, taxonomyIndex: taxonomies.size, taxonIndex, json });
  }
  return taxonomies;
}

function relationships(controls: readonly string[], input: ReportInput, taxonomies: Map<string, Taxonomy>): Json[] {
  const out: Json[] = [];
  for (const id of controls) {
    const control = input.catalog?.get(id);
    const taxonomy = control ? taxonomies.get(control.source) : undefined;
    const index = taxonomy?.taxonIndex.get(id);
    if (!taxonomy || index === undefined) continue;
    out.push({
      target: { id, index, toolComponent: { name: taxonomy.name, index: taxonomy.taxonomyIndex } },
      kinds: ['relevant'],
    });
  }
  return out;
}

function ruleDescriptor(rule: RuleMeta, input: ReportInput, taxonomies: Map<string, Taxonomy>): Json {
  const related = relationships(rule.controls, input, taxonomies);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: `${templateToGeneric(rule.message.what)} ${rule.message.why}` },
    help: { text: ruleHelpText(rule, input.catalog), markdown: ruleHelpMarkdown(rule, input.catalog) },
    helpUri: ruleHelpUri(input.tool.informationUri, rule.id),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      tags: ['security', rule.family, rule.target, ...rule.useCases, ...rule.controls].filter((tag, i, all) => tag && all.indexOf(tag) === i),
      'security-severity': SECURITY_SEVERITY[rule.severity],
      controls: [...rule.controls],
    },
    ...(related.length > 0 ? { relationships: related } : {}),
  };
}

/** For findings the engine raises outside the rule set (e.g. `parse-error`), described from the finding. */
function syntheticDescriptor(finding: Finding, input: ReportInput, taxonomies: Map<string, Taxonomy>): Json {
  const related = relationships(finding.controls, input, taxonomies);
  const title = finding.ruleId === 'parse-error' ? 'The file could not be parsed' : finding.ruleId;
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: { text: title },
    helpUri: ruleHelpUri(input.tool.informationUri, finding.ruleId),
    defaultConfiguration: { level: LEVELS[finding.severity] },
    properties: { tags: ['security'], 'security-severity': SECURITY_SEVERITY[finding.severity], controls: [...finding.controls] },
    ...(related.length > 0 ? { relationships: related } : {}),
  };
}

function fixesOf(finding: Finding): Json[] | undefined {
  if (!finding.fix || finding.fix.edits.length === 0) return undefined;
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of finding.fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return [
    {
      description: { text: finding.fix.title },
      artifactChanges: [...byFile].map(([file, edits]) => ({
        artifactLocation: artifactLocation(file),
        replacements: edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
      })),
    },
  ];
}

function resultOf(finding: Finding, ruleIndex: number, suppressed: boolean): Json {
  const undetermined = finding.status === 'undetermined';
  const location: Json = { physicalLocation: physicalLocation(finding.file, finding.range) };
  if (finding.resource) location.logicalLocations = [{ fullyQualifiedName: finding.resource }];
  const fixes = fixesOf(finding);
  const waiver = finding.waiver;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    kind: undetermined ? 'review' : 'fail',
    level: undetermined ? 'none' : LEVELS[finding.severity],
    message: { text: undetermined && finding.reason ? `${finding.message} (needs review: ${finding.reason})` : finding.message },
    locations: [location],
    ...(finding.related.length > 0
      ? {
          relatedLocations: finding.related.map((related, index) => ({
            id: index + 1,
            physicalLocation: physicalLocation(related.file, related.range),
            message: { text: related.message },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(fixes ? { fixes } : {}),
    ...(suppressed && waiver
      ? {
          suppressions: [
            {
              kind: waiver.source === 'inline' ? 'inSource' : 'external',
              status: 'accepted',
              justification: waiver.reason,
              ...(waiver.expires ? { properties: { expires: waiver.expires } } : {}),
            },
          ],
        }
      : {}),
    properties: {
      severity: finding.severity,
      controls: [...finding.controls],
      ...(finding.resource ? { resource: finding.resource } : {}),
      ...(!suppressed && waiver ? { expiredWaiver: { reason: waiver.reason, expires: waiver.expires ?? null } } : {}),
    },
  };
}

export function buildSarif(input: ReportInput): Json {
  const { result } = input;
  const findings = sortFindings(result.findings);
  const suppressed = sortFindings(result.suppressed);

  const cited = new Set<string>();
  for (const rule of input.rules) for (const id of rule.controls) cited.add(id);
  for (const finding of [...findings, ...suppressed]) for (const id of finding.controls) cited.add(id);
  const taxonomies = buildTaxonomies(input, cited);

  const descriptors: Json[] = [];
  const ruleIndex = new Map<string, number>();
  for (const rule of input.rules) {
    if (ruleIndex.has(rule.id)) continue;
    ruleIndex.set(rule.id, descriptors.length);
    descriptors.push(ruleDescriptor(rule, input, taxonomies));
  }
  const indexFor = (finding: Finding) => {
    let index = ruleIndex.get(finding.ruleId);
    if (index === undefined) {
      index = descriptors.length;
      ruleIndex.set(finding.ruleId, index);
      descriptors.push(syntheticDescriptor(finding, input, taxonomies));
    }
    return index;
  };

  const results = [
    ...findings.map((finding) => resultOf(finding, indexFor(finding), false)),
    ...suppressed.map((finding) => resultOf(finding, indexFor(finding), true)),
  ];

  const notifications: Json[] = [
    ...result.files
      .filter((file) => file.skipped !== undefined)
      .map((file) => ({
        level: 'warning',
        message: { text: `Not linted: ${file.skipped}` },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(file.file) } }],
      })),
    ...result.internalErrors.map((error) => ({
      level: 'error',
      message: { text: `Internal error in rule ${error.ruleId}: ${error.message}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(error.file) } }],
      ...(ruleIndex.has(error.ruleId) ? { associatedRule: { id: error.ruleId, index: ruleIndex.get(error.ruleId) } } : { associatedRule: { id: error.ruleId } }),
    })),
  ];

  const taxonomyList = [...taxonomies.values()];
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            semanticVersion: input.tool.version,
            informationUri: input.tool.informationUri,
            rules: descriptors,
            ...(taxonomyList.length > 0 ? { supportedTaxonomies: taxonomyList.map((t) => ({ name: t.name, index: t.taxonomyIndex })) } : {}),
          },
        },
        ...(taxonomyList.length > 0 ? { taxonomies: taxonomyList.map((t) => t.json) } : {}),
        invocations: [
          {
            executionSuccessful: result.internalErrors.length === 0 && !result.cancelled,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: {
          [SRCROOT]: input.rootUri ? { uri: input.rootUri } : { description: { text: 'The directory the scan ran from.' } },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(input: ReportInput): string {
  return `${JSON.stringify(buildSarif(input), null, 2)}\n`;
}
