/**
 * All Terraform root modules of a workspace. Every directory with .tf files is linted as a root;
 * one that another module calls is still a root, and `isCalledAsChild` tells rules so (its
 * variables are then usually set by the caller, not by tfvars).
 */
import type { FileHost } from '../engine/api';
import { dirname, normalize } from '../util/paths';
import { createLoadContext, isTerraformFile, loadRootModule, type LoadContext, type LoadOptions } from './load-module';
import { modulesInTree } from './module-tree';
import type { ModuleCallDecl, TerraformModule } from './types';

export class TerraformProject {
  private readonly rootsByDir = new Map<string, TerraformModule>();
  /** Increases on every change, so caches derived from the project know when to rebuild. */
  version = 0;

  constructor(private readonly ctx: LoadContext) {}

  /** Root modules in the order their directories were given. */
  get roots(): TerraformModule[] {
    return [...this.rootsByDir.values()];
  }

  root(dir: string): TerraformModule | undefined {
    return this.rootsByDir.get(normalize(dir));
  }

  /** Every loaded module: each root and the child modules loaded under it (one object per call). */
  allModules(): TerraformModule[] {
    return this.roots.flatMap(modulesInTree);
  }

  /** The root module a file belongs to (its directory), if that directory is a module. */
  moduleOfFile(path: string): TerraformModule | undefined {
    return this.rootsByDir.get(dirname(path));
  }

  /** The module calls, anywhere in the project, whose source resolved to `dir`. */
  callersOf(dir: string): Array<{ module: TerraformModule; call: ModuleCallDecl }> {
    const target = normalize(dir);
    const out: Array<{ module: TerraformModule; call: ModuleCallDecl }> = [];
    const seen = new Set<ModuleCallDecl>();
    for (const module of this.allModules()) {
      for (const call of module.moduleCalls) {
        if (call.resolvedDir === target && !seen.has(call)) {
          seen.add(call);
          out.push({ module, call });
        }
      }
    }
    return out;
  }

  isCalledAsChild(dir: string): boolean {
    return this.callersOf(dir).length > 0;
  }

  /** Loads (or reloads) `dir` as a root; a directory without Terraform files is dropped. */
  async loadRoot(dir: string): Promise<TerraformModule | undefined> {
    const key = normalize(dir);
    const module = await loadRootModule(this.ctx, key);
    this.version++;
    if (module.files.length === 0) {
      this.rootsByDir.delete(key);
      return undefined;
    }
    this.rootsByDir.set(key, module);
    return module;
  }

  /**
   * An editor buffer changed (`text`), or the file changed on disk (`text` undefined). Reloads every
   * root whose tree contains the file's directory or that read it as a var file; files that did not
   * change come from the parse cache. Returns the reloaded roots.
   */
  async updateFile(path: string, text?: string): Promise<TerraformModule[]> {
    const file = normalize(path);
    const dir = dirname(file);
    if (text === undefined) this.ctx.reader.forget(file);
    else this.ctx.reader.setOverlay(file, text);
    const affected = this.roots.filter(
      (root) => modulesInTree(root).some((m) => m.dir === dir) || (root.inputFiles ?? []).some((f) => f.path === file),
    );
    const dirs = affected.map((m) => m.dir);
    if (isTerraformFile(file) && !this.rootsByDir.has(dir)) dirs.push(dir);
    const reloaded: TerraformModule[] = [];
    for (const d of dirs) {
      const module = await this.loadRoot(d);
      if (module) reloaded.push(module);
    }
    return reloaded;
  }
}

/** The directories that contain Terraform files among `paths`, in first-seen order. */
export function moduleDirsOf(paths: string[]): string[] {
  const dirs = new Set<string>();
  for (const path of paths) if (isTerraformFile(path)) dirs.add(dirname(path));
  return [...dirs];
}

export async function loadProject(host: FileHost, dirs: string[], options: LoadOptions = {}): Promise<TerraformProject> {
  const project = new TerraformProject(createLoadContext(host, options));
  for (const dir of dirs) await project.loadRoot(dir);
  return project;
}
