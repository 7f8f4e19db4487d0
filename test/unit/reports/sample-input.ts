/** A hand-made lint result that exercises every branch the formatters have. */
import type { EngineLintResult } from '../../../src/core/engine/api';
import type { Finding } from '../../../src/core/findings/types';
import type { RuleMeta } from '../../../src/core/rules/types';
import type { Range } from '../../../src/core/text/position';
import type { ReportCatalog, ReportControl, ReportInput, ReportSource } from '../../../src/core/reports';

export function range(line: number, column: number, endLine: number, endColumn: number): Range {
  return { start: { offset: 0, line, column }, end: { offset: 0, line: endLine, column: endColumn } };
}

function rule(id: string, severity: RuleMeta['severity'], controls: string[], extra: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    title: `Title of ${id}`,
    severity,
    target: 'terraform',
    selectors: ['aws_s3_bucket'],
    controls,
    useCases: ['ehr'],
    message: { what: 'Bucket {resource} is open.', why: 'Patient data leaks.', fix: 'Close it.' },
    remediation: 'Set `block_public_acls = true`.',
    fixable: false,
    noFixReason: 'needs a human decision',
    healthData: true,
    definedIn: `rules/packs/terraform/aws/${id}.yaml`,
    family: 'exposure',
    ...extra,
  };
}

export const RULES: RuleMeta[] = [
  rule('aws-s3-public', 'error', ['EUCS-CS-01', 'GDPR-32-1-a'], { fixable: true, noFixReason: undefined }),
  rule('k8s-run-as-root', 'warning', ['EUCS-PSS-02', 'ENISA-HC-UC-EHR'], { target: 'kubernetes', useCases: ['remote-care'] }),
  rule('env-secret', 'info', ['UNKNOWN-CONTROL'], { target: 'app-config', useCases: [] }),
];

const CONTROLS: ReportControl[] = [
  { id: 'EUCS-CS-01', title: 'Network security <boundaries>', family: 'network', summary: 'Keep networks apart.', source: 'eucs', useCases: ['ehr'] },
  { id: 'EUCS-PSS-02', title: 'Hardening', family: 'hardening', source: 'eucs', useCases: ['medical-devices'] },
  { id: 'GDPR-32-1-a', title: 'Pseudonymisation and encryption', family: 'encryption', source: 'gdpr', ref: 'Art. 32(1)(a)', useCases: [] },
  { id: 'ENISA-HC-UC-EHR', title: 'Use case: Electronic Health Record', family: 'use-case', source: 'enisa-health', useCases: ['ehr'] },
];

const SOURCES: ReportSource[] = [
  { key: 'eucs', title: 'EUCS candidate scheme', publisher: 'ENISA', date: '2020-12' },
  { key: 'gdpr', title: 'GDPR', publisher: 'EU', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
];

export const CATALOG: ReportCatalog = {
  get: (id) => CONTROLS.find((c) => c.id === id),
  source: (key) => SOURCES.find((s) => s.key === key),
};

export const TRICKY_MESSAGE = 'Bucket <script>alert("x")</script> & 100% open, really: yes\nsecond line | pipe';

function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'file'>): Finding {
  return {
    severity: 'error',
    status: 'fail',
    message: 'msg',
    range: range(0, 0, 0, 1),
    controls: [],
    related: [],
    fingerprint: `fp-${partial.ruleId}-${partial.file}`,
    ...partial,
  };
}

export function sampleResult(): EngineLintResult {
  return {
    files: [
      { file: 'terraform/main.tf', kind: 'terraform', parseErrors: 0 },
      { file: 'k8s/deploy.yaml', kind: 'kubernetes', parseErrors: 1 },
      { file: 'config/.env', kind: 'dotenv', parseErrors: 0 },
      { file: 'clean/ok.yaml', kind: 'kubernetes', parseErrors: 0 },
      { file: 'big/huge.json', kind: 'unknown', parseErrors: 0, skipped: 'over the size limit' },
    ],
    findings: [
      finding({
        ruleId: 'aws-s3-public',
        file: 'terraform/main.tf',
        message: TRICKY_MESSAGE,
        range: range(9, 2, 9, 30),
        resource: 'aws_s3_bucket.records',
        controls: ['EUCS-CS-01', 'GDPR-32-1-a'],
        related: [{ file: 'terraform/kms.tf', range: range(3, 0, 3, 10), message: 'key defined here' }],
        fix: {
          title: 'Block public access',
          preferred: true,
          edits: [{ file: 'terraform/main.tf', range: range(10, 0, 10, 0), newText: '  block_public_acls = true\n' }],
        },
        fingerprint: 'fp-s3',
      }),
      finding({
        ruleId: 'k8s-run-as-root',
        file: 'k8s/deploy.yaml',
        severity: 'warning',
        status: 'undetermined',
        reason: 'runAsUser comes from a Helm value',
        range: range(20, 8, 20, 20),
        resource: 'Deployment/ehr/api',
        controls: ['EUCS-PSS-02'],
        fingerprint: 'fp-k8s',
      }),
      finding({
        ruleId: 'parse-error',
        file: 'k8s/deploy.yaml',
        message: 'Could not parse: bad indentation',
        range: range(2, 0, 2, 4),
        fingerprint: 'fp-parse',
      }),
      finding({
        ruleId: 'env-secret',
        file: 'config/.env',
        severity: 'info',
        message: 'Password in plain text',
        range: range(0, 0, 0, 12),
        controls: ['UNKNOWN-CONTROL'],
        fingerprint: 'fp-env',
        waiver: { ruleId: 'env-secret', reason: 'old waiver', expires: '2020-01-01', file: 'config/.env', range: range(0, 0, 0, 0), source: 'inline' },
      }),
    ],
    suppressed: [
      finding({
        ruleId: 'aws-s3-public',
        file: 'terraform/main.tf',
        range: range(30, 0, 30, 5),
        resource: 'aws_s3_bucket.public_site',
        controls: ['EUCS-CS-01'],
        fingerprint: 'fp-s3-waived',
        waiver: { ruleId: 'aws-s3-public', reason: 'public website, no patient data', expires: '2099-12-31', file: 'terraform/main.tf', range: range(29, 0, 29, 40), source: 'inline' },
      }),
      finding({
        ruleId: 'k8s-run-as-root',
        file: 'k8s/deploy.yaml',
        severity: 'warning',
        range: range(40, 0, 40, 5),
        resource: 'Deployment/ehr/legacy',
        controls: ['EUCS-PSS-02'],
        fingerprint: 'fp-k8s-waived',
        waiver: { ruleId: 'k8s-run-as-root', reason: 'vendor image', file: '.enisa-health-waivers.yaml', range: range(1, 0, 1, 10), source: 'file' },
      }),
    ],
    passes: [
      { ruleId: 'aws-s3-public', file: 'terraform/main.tf', resource: 'aws_s3_bucket.logs' },
      { ruleId: 'k8s-run-as-root', file: 'clean/ok.yaml', resource: 'Deployment/ehr/ok' },
      { ruleId: 'env-secret', file: 'config/.env' },
    ],
    internalErrors: [{ ruleId: 'k8s-run-as-root', file: 'k8s/deploy.yaml', message: 'predicate blew up' }],
  };
}

export function sampleInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    tool: { name: 'enisa-health-lint', version: '1.2.3', informationUri: 'https://example.org/enisa-health-lint' },
    result: sampleResult(),
    rules: RULES,
    catalog: CATALOG,
    rootUri: 'file:///work/project/',
    ...overrides,
  };
}
