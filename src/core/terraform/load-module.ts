/**
 * Loads a module directory with its inputs and, recursively, the child modules it calls. Nothing
 * is evaluated while loading: evaluation results are memoised per module, and a module that is
 * still being assembled must not leave half-known answers behind.
 */
import type { HclFile } from '../hcl/ast';
import type { FileHost } from '../engine/api';
import { basename, join, normalize } from '../util/paths';
import { compareStrings } from './eval/values';
import { collectDeclarations } from './collect';
import { ParseCache } from './parse-cache';
import { SourceReader } from './source-reader';
import { resolveModuleSource, type ModuleManifest } from './module-sources';
import { addressPrefixOf, moduleChain } from './module-tree';
import type { ModuleCallDecl, ModuleFile, TerraformModule } from './types';

export interface LoadOptions {
  /** Variable files applied after terraform.tfvars and *.auto.tfvars, later ones winning (host paths). */
  varFiles?: string[];
  /** Unsaved editor buffers by path; they win over what the host reads. */
  overlays?: ReadonlyMap<string, string>;
  /** Share one across loads so unchanged files are not parsed again. */
  parseCache?: ParseCache;
  /** Files above this size (bytes) are listed with an error instead of parsed. */
  maxFileSize?: number;
}

/** Terraform refuses deeper module trees in practice; the guard also stops runaway recursion. */
export const MAX_MODULE_DEPTH = 10;

/** Arguments of a module block that configure the call itself rather than set a variable. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export interface LoadContext {
  reader: SourceReader;
  cache: ParseCache;
  varFiles: string[];
  /** `.terraform/modules/modules.json` of the root, read at most once per root. */
  manifests: Map<string, Promise<ModuleManifest | undefined>>;
}

export function createLoadContext(host: FileHost, options: LoadOptions = {}): LoadContext {
  return {
    reader: new SourceReader(host, options.overlays, options.maxFileSize),
    cache: options.parseCache ?? new ParseCache(),
    varFiles: options.varFiles ?? [],
    manifests: new Map(),
  };
}

/** Loads `dir` as a root module: tfvars apply, and its module calls are followed. */
export async function loadModule(host: FileHost, dir: string, options: LoadOptions = {}): Promise<TerraformModule> {
  return loadRootModule(createLoadContext(host, options), dir);
}

export async function loadRootModule(ctx: LoadContext, dir: string): Promise<TerraformModule> {
  const rootDir = normalize(dir);
  const module = await assembleModule(ctx, rootDir, '');
  await readRootInputs(ctx, module);
  await loadChildren(ctx, module, rootDir, []);
  return module;
}

export function isTerraformFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

function isAutoVarFile(name: string): boolean {
  return name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json');
}

async function assembleModule(ctx: LoadContext, dir: string, addressPrefix: string): Promise<TerraformModule> {
  const entries = await ctx.reader.listDirectory(dir);
  const names = entries
    .filter((e) => e.type !== 'directory' && isTerraformFile(e.name))
    .map((e) => e.name)
    .sort(compareStrings);
  // Reading in parallel matters: hosts answer asynchronously, often from another thread or process.
  const called = addressPrefix !== '';
  const files = await Promise.all(names.map((name) => readModuleFile(ctx, join(dir, name), called)));
  return {
    dir,
    files,
    ...collectDeclarations(files, addressPrefix),
    inputs: new Map(),
    children: new Map(),
  };
}

async function readModuleFile(ctx: LoadContext, path: string, called: boolean): Promise<ModuleFile> {
  const read = await ctx.reader.readText(path);
  if (read.error !== undefined) return { path, parsed: emptyFile(path, `${basename(path)} ${read.error}`), error: read.error, skipped: read.skipped };
  try {
    return { path, parsed: ctx.cache.get(path, read.text, called) };
  } catch (error) {
    // The parser is built never to throw; this keeps one bad file from hiding the whole module.
    const message = `could not be parsed: ${error instanceof Error ? error.message : String(error)}`;
    return { path, parsed: emptyFile(path, message), error: message };
  }
}

function emptyFile(path: string, message: string): HclFile {
  const zero = { offset: 0, line: 0, column: 0 };
  const range = { start: zero, end: zero };
  return {
    syntax: path.endsWith('.json') ? 'json' : 'native',
    text: '',
    body: { type: 'Body', items: [], range },
    comments: [],
    errors: [{ message, range }],
  };
}

/** terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) by name, then the chosen var files. */
async function readRootInputs(ctx: LoadContext, module: TerraformModule): Promise<void> {
  const entries = await ctx.reader.listDirectory(module.dir);
  const present = new Set(entries.filter((e) => e.type !== 'directory').map((e) => e.name));
  const automatic = ['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => present.has(n));
  automatic.push(...[...present].filter(isAutoVarFile).sort(compareStrings));
  const paths = [...automatic.map((n) => join(module.dir, n)), ...ctx.varFiles.map((p) => normalize(p))];
  const inputFiles = await Promise.all(paths.map((path) => readModuleFile(ctx, path, false)));
  for (const file of inputFiles) {
    const path = file.path;
    for (const item of file.parsed.body.items) {
      if (item.type !== 'Attribute') continue;
      module.inputs.set(item.name, {
        expr: item.expr,
        origin: { file: path, range: item.expr.range, description: `value of "${item.name}" in ${basename(path)}` },
      });
    }
  }
  module.inputFiles = inputFiles;
}

/** Loads the modules `module` calls, and theirs, in parallel; `children` keeps the calls' order. */
async function loadChildren(ctx: LoadContext, module: TerraformModule, rootDir: string, callPath: string[]): Promise<void> {
  const chain = moduleChain(module);
  const children = await Promise.all(module.moduleCalls.map((call) => loadCall(ctx, module, call, chain, rootDir, [...callPath, call.name])));
  children.forEach((child, i) => {
    if (child) module.children!.set(module.moduleCalls[i].name, child);
  });
}

/** `chain` holds the directories from the root down to the caller, to refuse module cycles. */
async function loadCall(
  ctx: LoadContext,
  module: TerraformModule,
  call: ModuleCallDecl,
  chain: string[],
  rootDir: string,
  key: string[],
): Promise<TerraformModule | undefined> {
  const resolved = await resolveModuleSource(ctx, rootDir, module.dir, call.source, key.join('.'));
  if ('reason' in resolved) {
    call.unresolvedReason = resolved.reason;
    return undefined;
  }
  call.resolvedDir = resolved.dir;
  if (chain.includes(resolved.dir)) {
    call.unresolvedReason = `module "${call.name}" calls ${resolved.dir}, which is already being loaded (a module cycle)`;
    return undefined;
  }
  if (chain.length > MAX_MODULE_DEPTH) {
    call.unresolvedReason = `module "${call.name}" is nested deeper than ${MAX_MODULE_DEPTH} levels`;
    return undefined;
  }
  const child = await assembleModule(ctx, resolved.dir, `${addressPrefixOf(module)}module.${call.name}.`);
  if (child.files.length === 0) {
    call.unresolvedReason = `module "${call.name}": ${resolved.dir} has no Terraform files`;
    return undefined;
  }
  child.parent = { module, call };
  bindCallInputs(child, module, call);
  await loadChildren(ctx, child, rootDir, key);
  return child;
}

function bindCallInputs(child: TerraformModule, parent: TerraformModule, call: ModuleCallDecl): void {
  for (const item of call.block.body.items) {
    if (item.type !== 'Attribute' || MODULE_META_ARGUMENTS.has(item.name)) continue;
    child.inputs.set(item.name, {
      expr: item.expr,
      origin: { file: call.file, range: item.expr.range, description: `argument "${item.name}" of module "${call.name}"` },
      scopeModule: parent,
    });
  }
}
