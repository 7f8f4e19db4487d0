/**
 * A stand-in for the engine, for CLI tests that must control the outcome exactly. It reads each
 * file through the host the CLI gives it and reacts to markers in the text:
 *   FAIL:<severity>  a failing finding of rule `fake-rule` (resource = first word after the marker)
 *   REVIEW           an undetermined error finding
 *   CRASH            an internal error of rule `fake-rule` on that file
 */
import type { Engine, EngineLintResult, EngineOptions, LintOptions } from '../../../src/core/engine/api';
import type { Finding, Severity } from '../../../src/core/findings/types';
import type { RuleMeta } from '../../../src/core/rules/types';
import type { Catalog } from '../../../src/core/catalog';
import type { CliDependencies } from '../../../src/cli/run-cli';

export const FAKE_RULE: RuleMeta = {
  id: 'fake-rule',
  title: 'Fake rule for CLI tests',
  severity: 'error',
  target: 'app-config',
  selectors: ['*'],
  controls: ['EUCS-CKM-02'],
  useCases: ['ehr'],
  message: { what: 'Marker {resource} found.', why: 'Tests need it.', fix: 'Remove the marker.' },
  remediation: 'Delete the FAIL marker.',
  fixable: false,
  noFixReason: 'only a test',
  healthData: false,
  definedIn: 'test/unit/cli/fake-engine.ts',
  family: 'secrets',
};

export interface FakeEngineLog {
  options?: EngineOptions;
  files?: string[];
  lintOptions?: LintOptions;
}

function decode(raw: Uint8Array | string): string {
  return typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');
}

export function fakeEngine(options: EngineOptions, log: FakeEngineLog): Engine {
  log.options = options;
  return {
    rules: [FAKE_RULE],
    async lint(files: string[], lintOptions: LintOptions = {}): Promise<EngineLintResult> {
      log.files = files;
      log.lintOptions = lintOptions;
      const result: EngineLintResult = { files: [], findings: [], suppressed: [], passes: [], internalErrors: [] };
      let done = 0;
      for (const file of files) {
        const raw = await options.host.readFile(file);
        lintOptions.onProgress?.(++done, files.length);
        if (raw === undefined) {
          result.files.push({ file, kind: 'unknown', parseErrors: 0, skipped: 'could not be read' });
          continue;
        }
        const text = decode(raw);
        result.files.push({ file, kind: 'fake', parseErrors: 0 });
        const lines = text.split('\n');
        lines.forEach((line, index) => {
          const fail = /FAIL:(error|warning|info)(?:\s+(\S+))?/.exec(line);
          if (fail) result.findings.push(makeFinding(file, index, fail[1] as Severity, 'fail', fail[2]));
          if (line.includes('REVIEW')) result.findings.push(makeFinding(file, index, 'error', 'undetermined'));
          if (line.includes('CRASH')) result.internalErrors.push({ ruleId: 'fake-rule', file, message: 'marker made it crash' });
        });
        if (!text.includes('FAIL:')) result.passes.push({ ruleId: 'fake-rule', file });
      }
      return result;
    },
  };
}

function makeFinding(file: string, line: number, severity: Severity, status: Finding['status'], resource?: string): Finding {
  const position = { offset: 0, line, column: 0 };
  return {
    ruleId: 'fake-rule',
    severity,
    status,
    message: `Marker ${resource ?? ''} found.`,
    file,
    range: { start: position, end: { ...position, column: 4 } },
    ...(resource ? { resource } : {}),
    controls: ['EUCS-CKM-02'],
    related: [],
    ...(status === 'undetermined' ? { reason: 'the marker says so' } : {}),
    // Like the real engine: rule, file, resource and the offending text.
    fingerprint: `${file}|${resource ?? ''}|${severity}|${status}`,
  };
}

const EMPTY_CATALOG: Catalog = {
  controls: [],
  sources: [],
  get: () => undefined,
  has: () => false,
  source: () => undefined,
  byFamily: () => new Map(),
  bySource: () => new Map(),
};

export function fakeDependencies(log: FakeEngineLog = {}): CliDependencies {
  return { createEngine: (options) => fakeEngine(options, log), catalog: () => EMPTY_CATALOG };
}
