/**
 * Finds and loads `.enisa-health.yaml`: --config when given, else the nearest one above the first
 * scanned path, else the nearest one above the working directory.
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { loadConfigText, type EngineConfig } from '../core/config';
import { describeFsError } from './node-host';

export const CONFIG_FILE_NAME = '.enisa-health.yaml';

export interface LoadedConfigFile {
  config?: EngineConfig;
  /** Absolute path of the file used, if any. */
  path?: string;
  /** Problems that make the configuration unusable, each naming file, line and column. */
  errors: string[];
}

async function isFile(candidate: string): Promise<boolean> {
  return stat(candidate).then((s) => s.isFile(), () => false);
}

export async function findConfigFile(startDirectories: string[]): Promise<string | undefined> {
  for (const start of startDirectories) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      if (await isFile(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

export async function loadConfigFile(configPath: string, displayPath: string): Promise<LoadedConfigFile> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (error) {
    return { path: configPath, errors: [`cannot read the configuration ${displayPath}: ${describeFsError(error)}`] };
  }
  const loaded = loadConfigText(text, displayPath);
  // loadConfigText already prefixes each message with the path.
  const errors = loaded.errors.map((e) => `${e.message} (line ${e.line}, column ${e.column})`);
  if (errors.length > 0 || !loaded.config) {
    return { path: configPath, errors: errors.length > 0 ? errors : [`${displayPath}: invalid configuration`] };
  }
  return { config: loaded.config, path: configPath, errors: [] };
}
