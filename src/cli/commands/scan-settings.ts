/**
 * Reads and checks everything `scan` needs before it starts: paths, configuration, var files and
 * baseline. Anything unusable is a usage error (exit 2) that names the option and the problem.
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { EngineConfig } from '../../core/config';
import type { ReportFormat } from '../../core/reports';
import { singleValue, UsageError, type ParsedCommandLine } from '../argv';
import { BaselineFormatError, parseBaseline, type Baseline } from '../baseline';
import { findConfigFile, loadConfigFile } from '../config-file';
import type { CliIo } from '../io';
import { describeFsError, toEnginePath } from '../node-host';
import type { FailOn } from './spec';

async function directoryToSearchFrom(target: string): Promise<string> {
  const info = await stat(target).catch(() => undefined);
  return info?.isDirectory() ? target : path.dirname(target);
}

async function requireFile(cwd: string, option: string, value: string): Promise<string> {
  const resolved = path.resolve(cwd, value);
  const info = await stat(resolved).catch((error: unknown) => {
    throw new UsageError(`${option} ${value}: ${describeFsError(error)}`);
  });
  if (!info.isFile()) throw new UsageError(`${option} ${value}: not a file`);
  return resolved;
}

async function readBaseline(cwd: string, value: string): Promise<Baseline> {
  const resolved = await requireFile(cwd, '--baseline', value);
  try {
    return parseBaseline(await readFile(resolved, 'utf8'));
  } catch (error) {
    if (error instanceof BaselineFormatError) throw new UsageError(`--baseline ${value}: ${error.message}`);
    throw new UsageError(`--baseline ${value}: ${describeFsError(error)}`);
  }
}

export interface ScanSettings {
  format: ReportFormat;
  failOn: FailOn;
  quiet: boolean;
  roots: string[];
  config?: EngineConfig;
  configDir?: string;
  varFiles: string[];
  baseline?: Baseline;
}

/** The settings, or the configuration problems (each naming file, line and column). */
export async function readScanSettings(parsed: ParsedCommandLine, io: CliIo): Promise<ScanSettings | string[]> {
  const cwd = io.cwd;
  const roots = (parsed.positionals.length > 0 ? parsed.positionals : ['.']).map((p) => path.resolve(cwd, p));
  const explicitConfig = singleValue(parsed, 'config');
  const configPath = explicitConfig
    ? await requireFile(cwd, '--config', explicitConfig)
    : await findConfigFile([await directoryToSearchFrom(roots[0]), cwd]);
  let config: EngineConfig | undefined;
  if (configPath) {
    const loaded = await loadConfigFile(configPath, toEnginePath(cwd, configPath));
    if (loaded.errors.length > 0) return loaded.errors.map((e) => `invalid configuration: ${e}`);
    config = loaded.config;
  }
  const varFiles: string[] = [];
  for (const value of parsed.values.get('var-file') ?? []) varFiles.push(toEnginePath(cwd, await requireFile(cwd, '--var-file', value)));
  const baselineValue = singleValue(parsed, 'baseline');
  return {
    format: (singleValue(parsed, 'format') ?? 'text') as ReportFormat,
    failOn: (singleValue(parsed, 'fail-on') ?? 'error') as FailOn,
    quiet: parsed.flags.has('quiet'),
    roots,
    config,
    configDir: configPath ? path.dirname(configPath) : undefined,
    varFiles,
    baseline: baselineValue ? await readBaseline(cwd, baselineValue) : undefined,
  };
}
