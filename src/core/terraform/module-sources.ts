/**
 * Where a module call's code lives: a local path next to the caller, or the copy `terraform init`
 * placed under the root's `.terraform/modules` (listed in modules.json by dotted call path).
 */
import { isAbsolute, join, normalize } from '../util/paths';
import type { LoadContext } from './load-module';

/** Call path (`vpc`, `vpc.subnets`) to the directory of the installed module. */
export type ModuleManifest = Map<string, string>;

export type SourceResolution = { dir: string } | { reason: string };

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

export async function resolveModuleSource(
  ctx: LoadContext,
  rootDir: string,
  callerDir: string,
  source: string | undefined,
  callKey: string,
): Promise<SourceResolution> {
  if (source === undefined) return { reason: 'the module source is not a literal string' };
  if (isLocalSource(source)) return { dir: join(callerDir, source) };
  const manifest = await manifestOf(ctx, rootDir);
  const installed = manifest?.get(callKey);
  if (installed !== undefined) return { dir: isAbsolute(installed) ? normalize(installed) : join(rootDir, installed) };
  return { reason: `module source "${source}" is not available locally; run terraform init` };
}

function manifestOf(ctx: LoadContext, rootDir: string): Promise<ModuleManifest | undefined> {
  let pending = ctx.manifests.get(rootDir);
  if (!pending) {
    pending = readModuleManifest(ctx, rootDir);
    ctx.manifests.set(rootDir, pending);
  }
  return pending;
}

async function readModuleManifest(ctx: LoadContext, rootDir: string): Promise<ModuleManifest | undefined> {
  const read = await ctx.reader.readText(join(rootDir, '.terraform/modules/modules.json'));
  if (read.text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    return undefined;
  }
  const modules = (parsed as { Modules?: unknown }).Modules;
  if (!Array.isArray(modules)) return undefined;
  const manifest: ModuleManifest = new Map();
  for (const entry of modules) {
    const key = (entry as { Key?: unknown }).Key;
    const dir = (entry as { Dir?: unknown }).Dir;
    // Key '' is the root itself.
    if (typeof key === 'string' && key !== '' && typeof dir === 'string') manifest.set(key, dir.replace(/\\/g, '/'));
  }
  return manifest;
}
