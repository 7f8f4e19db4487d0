/**
 * Reads manifest sets through the engine's FileHost (unsaved buffers first) and decides which
 * files kustomizations use as patches. Parsed files are kept between runs while their text is
 * unchanged, so re-linting after an edit re-reads the folder but parses only what changed; within
 * one run each folder is read once, however many of its files are linted.
 */
import type { DirectoryEntry, FileHost } from '../engine/api';
import { readSource } from '../engine/read-source';
import { classifyFile } from '../documents/classify';
import { parseJsonTree } from '../yaml/parse-json';
import { reparseYamlTree } from '../yaml/incremental-parse';
import { join, normalize } from '../util/paths';
import { RecentMap } from '../util/recent-map';
import { kubernetesObjects } from './objects';
import { KUSTOMIZATION_NAMES, readKustomization, type KustomizationRefs } from './kustomization';
import type { ManifestContext, ManifestFile, PatchRole } from './manifest-set';

export interface ManifestLoaderOptions {
  host: FileHost;
  /** Files larger than this are not read (the engine's `maxFileSizeBytes`). */
  maxBytes: number;
  /** Parent folders are searched for kustomizations up to here (the workspace root), when given. */
  rootDir?: string;
  /** A folder with more YAML files than this is not read as one deployment. */
  maxFolderFiles?: number;
}

export const DEFAULT_MAX_FOLDER_FILES = 200;
/** How many parent folders may hold a kustomization that patches a file (overlays sit a few levels up). */
const MAX_PARENT_LEVELS = 6;
/** Parsed manifests kept between runs (the editor's runs: a workspace scan keeps none). */
const MAX_CACHED_FILES = 1000;
/** Folders (and their files) a run keeps read: files are linted folder by folder, so two suffice. */
const RUN_FOLDERS = 2;

const MANIFEST_NAME = /\.(ya?ml|json)$/i;
const YAML_NAME = /\.ya?ml$/i;

type Loaded = { state: 'manifest'; file: ManifestFile } | { state: 'other' } | { state: 'too-large' };

interface FolderSet {
  files: ManifestFile[];
  incomplete?: string;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function childPath(dir: string, name: string): string {
  return dir === '.' ? name : dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function isKustomization(name: string): boolean {
  return KUSTOMIZATION_NAMES.includes(name);
}

export interface RunOptions {
  /** Keep what the run parses for the next run (default true); a workspace scan passes false. */
  keep?: boolean;
}

export class ManifestLoader {
  private readonly parsed = new RecentMap<string, { text: string; loaded: Loaded }>(MAX_CACHED_FILES);

  constructor(private readonly options: ManifestLoaderOptions) {}

  /**
   * One lint run: kustomizations are read at most once during it, and folders and files once
   * while the run stays among the last few folders it read (a scan goes folder by folder).
   */
  startRun(overlays?: ReadonlyMap<string, string>, options: RunOptions = {}): ManifestRun {
    return new ManifestRun(this.options, overlays, options.keep === false ? undefined : this.parsed);
  }
}

export class ManifestRun {
  private readonly listings = new Map<string, Promise<DirectoryEntry[] | undefined>>();
  private readonly kustomizations = new Map<string, Promise<KustomizationRefs | undefined>>();
  private readonly patchRoles = new Map<string, Promise<Map<string, PatchRole>>>();
  /** The folders read last, the latest first, and the files read for them. */
  private folders: Array<{ dir: string; set: Promise<FolderSet> }> = [];
  private files = new Map<string, Promise<Loaded>>();
  /** The text of the file whose context was asked for last, as its caller read it. */
  private known: { path: string; text: string } | undefined;

  constructor(
    private readonly options: ManifestLoaderOptions,
    private readonly overlays: ReadonlyMap<string, string> | undefined,
    private readonly parsed: RecentMap<string, { text: string; loaded: Loaded }> | undefined,
  ) {}

  /**
   * The manifest set and patch role of a Kubernetes file about to be linted; `text`, the file's
   * text as the caller read it, spares reading it a second time.
   */
  async contextFor(path: string, text?: string): Promise<ManifestContext> {
    if (text !== undefined) this.known = { path: normalize(path), text };
    const dir = dirOf(path);
    const roles = await this.rolesFor(dir);
    const self = normalize(path);
    const folder = await this.folderSet(dir);
    const context: ManifestContext = { others: folder.files.filter((f) => normalize(f.path) !== self) };
    const own = folder.files.find((f) => normalize(f.path) === self);
    if (own) context.self = own;
    if (folder.incomplete) context.incomplete = folder.incomplete;
    const patch = roles.get(self);
    if (patch) context.patch = patch;
    return context;
  }

  private list(dir: string): Promise<DirectoryEntry[] | undefined> {
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = this.options.host.readDirectory(dir).then(
        (entries) => entries,
        () => undefined,
      );
      this.listings.set(dir, listing);
    }
    return listing;
  }

  /** The kustomization of a folder, if it has one. */
  private kustomizationIn(dir: string): Promise<{ path: string; refs: KustomizationRefs } | undefined> {
    return this.list(dir).then(async (entries) => {
      const entry = entries?.find((e) => e.type !== 'directory' && isKustomization(e.name));
      if (!entry) return undefined;
      const path = childPath(dir, entry.name);
      let refs = this.kustomizations.get(path);
      if (!refs) {
        refs = readSource(this.options.host, path, this.overlays, this.options.maxBytes).then((source) => (source.ok ? readKustomization(source.text) : undefined));
        this.kustomizations.set(path, refs);
      }
      const read = await refs;
      return read ? { path, refs: read } : undefined;
    });
  }

  /** Files that a kustomization in the folder or one of its parents uses as patches, by normalised path. */
  private rolesFor(dir: string): Promise<Map<string, PatchRole>> {
    let roles = this.patchRoles.get(dir);
    if (!roles) {
      roles = this.collectRoles(dir);
      this.patchRoles.set(dir, roles);
    }
    return roles;
  }

  private async collectRoles(start: string): Promise<Map<string, PatchRole>> {
    const roles = new Map<string, PatchRole>();
    const root = this.options.rootDir === undefined ? undefined : normalize(this.options.rootDir);
    let dir = start;
    for (let level = 0; level <= MAX_PARENT_LEVELS; level++) {
      const found = await this.kustomizationIn(dir);
      for (const patch of found?.refs.patchFiles ?? []) {
        const target = join(dir, patch.path);
        // The nearest kustomization names the role; a parent listing the same file does not override it.
        if (!roles.has(target)) roles.set(target, { kustomization: found!.path, json6902: patch.json6902 });
      }
      if (dir === '/' || dir === '.' || (root !== undefined && normalize(dir) === root)) break;
      dir = dirOf(dir);
    }
    return roles;
  }

  /**
   * A scan walks folder after folder, so the folders it moved past and the files read for them are
   * let go: held to the end, every manifest parse of the workspace would outlive its file's lint.
   * Short lists replaced whole rather than maps whose keys keep changing: with those, V8 moved
   * every parse into the old generation (see docs/benchmarks.md).
   */
  private folderSet(dir: string): Promise<FolderSet> {
    const kept = this.folders.find((folder) => folder.dir === dir);
    if (kept) return kept.set;
    if (this.folders.length >= RUN_FOLDERS) {
      this.folders = this.folders.slice(0, RUN_FOLDERS - 1);
      this.files = new Map();
    }
    const set = this.readFolder(dir);
    this.folders = [{ dir, set }, ...this.folders];
    return set;
  }

  private async readFolder(dir: string): Promise<FolderSet> {
    const max = this.options.maxFolderFiles ?? DEFAULT_MAX_FOLDER_FILES;
    const entries = (await this.list(dir)) ?? [];
    const names = entries.filter((e) => (e.type === 'file' || e.type === 'symlink') && MANIFEST_NAME.test(e.name) && !isKustomization(e.name)).map((e) => e.name);
    const yamlCount = names.filter((n) => YAML_NAME.test(n)).length;
    if (yamlCount > max) {
      return { files: [], incomplete: `folder ${nameOf(dir) || dir} holds ${yamlCount} YAML files, more than the ${max} read as one deployment, so only this file was searched` };
    }
    const candidates = new Map<string, string>();
    for (const name of names) {
      const path = childPath(dir, name);
      candidates.set(normalize(path), path);
    }
    const kustomization = await this.kustomizationIn(dir);
    for (const resource of kustomization?.refs.resourceFiles ?? []) {
      const path = join(dir, resource);
      if (!candidates.has(path) && candidates.size < max * 2) candidates.set(path, path);
    }
    const patches = await this.rolesFor(dir);
    const files: ManifestFile[] = [];
    const unread: string[] = [];
    for (const [normal, path] of candidates) {
      // A patch is part of an object defined elsewhere, not an object of the deployment.
      if (patches.has(normal)) continue;
      const loaded = await this.load(path, entries.map((e) => e.name));
      if (loaded.state === 'manifest') files.push(loaded.file);
      else if (loaded.state === 'too-large') unread.push(nameOf(path));
    }
    const set: FolderSet = { files };
    if (unread.length) set.incomplete = `${unread.slice(0, 3).join(', ')}${unread.length > 3 ? ' and others' : ''} could not be searched (over the size limit)`;
    return set;
  }

  private load(path: string, siblings: string[]): Promise<Loaded> {
    let loaded = this.files.get(path);
    if (!loaded) {
      loaded = this.read(path, siblings);
      this.files.set(path, loaded);
    }
    return loaded;
  }

  private async read(path: string, siblings: string[]): Promise<Loaded> {
    const known = this.known;
    const source = known?.path === normalize(path) ? { ok: true as const, text: known.text } : await readSource(this.options.host, path, this.overlays, this.options.maxBytes);
    if (!source.ok) return source.reason.startsWith('skipped:') ? { state: 'too-large' } : { state: 'other' };
    const cached = this.parsed?.get(path);
    if (cached && cached.text === source.text) return cached.loaded;
    const kind = classifyFile(path, source.text, { siblings });
    let loaded: Loaded = { state: 'other' };
    if (kind === 'kubernetes' || kind === 'helm-template') {
      // After an edit, the documents the edit did not touch keep their parse.
      const before = cached?.loaded.state === 'manifest' ? cached.loaded.file.tree : undefined;
      const tree = /\.jsonc?$/i.test(path) ? parseJsonTree(source.text) : reparseYamlTree(source.text, before);
      loaded = { state: 'manifest', file: { path, tree, objects: kubernetesObjects(tree) } };
    }
    this.parsed?.set(path, { text: source.text, loaded });
    return loaded;
  }
}
