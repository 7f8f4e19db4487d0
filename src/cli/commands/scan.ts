/**
 * `scan [PATH...]`: find the files, lint them, apply the baseline, write the report, and turn the
 * outcome into the exit code (0 clean, 1 findings at or above --fail-on, 2 when the run itself had
 * a problem: bad config, unreadable paths or internal rule errors).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine, EngineOptions, EngineLintResult } from '../../core/engine/api';
import type { Finding, Severity } from '../../core/findings/types';
import { formatReport, type ReportCatalog } from '../../core/reports';
import { singleValue, type ParsedCommandLine } from '../argv';
import { applyBaseline, createBaseline, serializeBaseline } from '../baseline';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../exit-codes';
import { wantsColor, type CliIo } from '../io';
import { describeFsError, directoryEntries, NodeFileHost, toEnginePath, toPosixPath } from '../node-host';
import { terminalProgress } from '../progress';
import { tidyResult, type UnreadablePath } from '../tidy-result';
import { TOOL_NAME, toolInfo } from '../tool-info';
import { collectFiles } from '../walk/walker';
import { compilePathGlob } from '../walk/path-filter';
import { readScanSettings } from './scan-settings';
import type { FailOn } from './spec';

/** The report formats that show quick fixes; the others need none built. */
const REPORTS_WITH_FIXES: ReadonlySet<string> = new Set(['json', 'sarif']);

export interface ScanDependencies {
  createEngine(options: EngineOptions): Engine;
  catalog(): ReportCatalog;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Only failures gate the build; undetermined outcomes are for review and never fail it. */
export function failsBuild(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((finding) => finding.status === 'fail' && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]);
}

async function writeOutput(cwd: string, target: string, text: string): Promise<void> {
  const resolved = path.resolve(cwd, target);
  await mkdir(path.dirname(resolved), { recursive: true });
  await writeFile(resolved, text, 'utf8');
}

export async function runScan(parsed: ParsedCommandLine, io: CliIo, deps: ScanDependencies): Promise<number> {
  const cwd = io.cwd;
  const error = (message: string) => io.stderr.write(`${TOOL_NAME}: ${message}\n`);
  const settings = await readScanSettings(parsed, io);
  if (Array.isArray(settings)) {
    settings.forEach(error);
    return EXIT_ERROR;
  }

  const host = new NodeFileHost(cwd);
  let engine: Engine;
  try {
    engine = deps.createEngine({
      host,
      config: settings.config,
      configDir: settings.configDir ? toEnginePath(cwd, settings.configDir) : undefined,
      trusted: true,
    });
  } catch (cause) {
    error(`could not start the engine: ${cause instanceof Error ? cause.message : String(cause)}`);
    return EXIT_ERROR;
  }

  const filter = {
    include: (parsed.values.get('include') ?? []).map((glob) => compilePathGlob(glob, toPosixPath(cwd))),
    exclude: (parsed.values.get('exclude') ?? []).map((glob) => compilePathGlob(glob, toPosixPath(cwd))),
  };
  const walk = await collectFiles(settings.roots, {
    filter,
    ignorePaths: settings.config?.ignorePaths ?? [],
    configDir: settings.configDir,
    // The engine lists the folders of the files it classifies and of Terraform modules: the walk has.
    onListing: (dir, entries) => host.rememberListing(dir, directoryEntries(entries)),
  });
  const files = walk.files.map((file) => toEnginePath(cwd, file));

  const progress = io.stderr.isTTY && !settings.quiet ? terminalProgress(io.stderr, TOOL_NAME) : undefined;
  let raw: EngineLintResult;
  try {
    raw = await engine.lint(files, {
      varFiles: settings.varFiles,
      onProgress: progress ? (done, total) => progress.update(done, total) : undefined,
      // Only JSON (`fixable`) and SARIF (`fixes`) show quick fixes; building them is a tenth of a scan.
      fixes: REPORTS_WITH_FIXES.has(settings.format),
    });
  } catch (cause) {
    progress?.clear();
    error(`internal error: the engine stopped: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
    return EXIT_ERROR;
  }
  progress?.clear();

  const unreadable: UnreadablePath[] = [
    ...walk.unreadable.map((entry) => ({ path: toEnginePath(cwd, entry.path), reason: entry.reason })),
    ...files.filter((file) => host.readFailures.has(file)).map((file) => ({ path: file, reason: host.readFailures.get(file)! })),
  ];
  const result = tidyResult(raw, (file) => walk.leavesOut(host.toNative(file), false), unreadable);

  const everyFinding = result.findings;
  let baselined = 0;
  if (settings.baseline) {
    const applied = applyBaseline(result.findings, settings.baseline);
    result.findings = applied.kept;
    baselined = applied.hidden;
  }

  const writeBaselineTo = singleValue(parsed, 'write-baseline');
  if (writeBaselineTo) {
    try {
      await writeOutput(cwd, writeBaselineTo, serializeBaseline(createBaseline(TOOL_NAME, everyFinding)));
    } catch (cause) {
      error(`cannot write the baseline ${writeBaselineTo}: ${describeFsError(cause)}`);
      return EXIT_ERROR;
    }
    if (!settings.quiet) error(`wrote ${everyFinding.length} finding(s) to the baseline ${writeBaselineTo}`);
  }

  const outputFile = singleValue(parsed, 'output');
  const report = formatReport(
    settings.format,
    {
      tool: toolInfo(),
      result,
      rules: engine.rules,
      catalog: deps.catalog(),
      rootUri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href,
      baselined,
    },
    { color: !outputFile && wantsColor(io.stdout, io.env, parsed.flags.has('no-color')), quiet: settings.quiet },
  );
  if (outputFile) {
    try {
      await writeOutput(cwd, outputFile, report);
    } catch (cause) {
      error(`cannot write the report ${outputFile}: ${describeFsError(cause)}`);
      return EXIT_ERROR;
    }
    if (!settings.quiet) error(`wrote the ${settings.format} report to ${outputFile}`);
  } else {
    io.stdout.write(report);
  }

  for (const problem of unreadable) error(`cannot read ${problem.path}: ${problem.reason}`);
  for (const internal of result.internalErrors) error(`internal error in rule ${internal.ruleId} on ${internal.file}: ${internal.message}`);
  if (unreadable.length > 0 || result.internalErrors.length > 0) return EXIT_ERROR;
  return failsBuild(result.findings, settings.failOn) ? EXIT_FINDINGS : EXIT_OK;
}
