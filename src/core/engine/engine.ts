/**
 * The engine: reads the given files through the host, lints Terraform modules as wholes and every
 * other file on its own, applies waivers and configuration, and never throws for bad input.
 */
import type { Engine, EngineLintResult, EngineOptions, LintOptions } from './api';
import type { EngineConfig } from '../config/types';
import { defaultConfig } from '../config/defaults';
import type { Finding } from '../findings/types';
import type { Rule } from '../rules/rule';
import type { RuleMeta } from '../rules/types';
import { classifyFile, type ClassifyContext } from '../documents/classify';
import { createParseCache, type ParseCache } from '../terraform';
import { builtinRules } from './builtin-rules';
import { loadWorkspaceRules } from './workspace-rules';
import { readSource } from './read-source';
import { lintTerraformModule } from './lint-terraform';
import { TerraformMemo } from './incremental-terraform';
import { KubernetesMemo } from './incremental-kubernetes';
import { lintDocument } from './lint-document';
import { noticeFinding } from './parse-error';
import { applyWaivers, type WaiverSite } from '../suppressions/apply';
import { parseWaiverFile, WAIVER_FILE_NAME } from './waiver-file';
import { matchesGlob } from '../util/glob';
import { dedupeSecretFindings } from './dedupe-secrets';
import { builtinCatalog } from '../catalog';
import { decodeText } from '../text/decode';
import { ManifestLoader } from '../kubernetes/manifest-loader';
import { appendAll, concatInto } from '../util/arrays';
import { RecentMap } from '../util/recent-map';

/** Terraform modules (and Kubernetes files) whose last outcomes are kept: the files open in an editor, roughly. */
const MEMOISED_MODULES = 8;

/**
 * Source text whose Terraform parses are kept between lints (a tree weighs many times its text):
 * the modules open in an editor fit, a whole workspace does not.
 */
const KEPT_PARSE_CHARS = 4 * 2 ** 20;

/** Terraform files a scan keeps after parsing them once: enough to reach the next few modules, which may call them. */
const SCAN_RECENT_FILES = 8;

const TERRAFORM_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/i;

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}

function relativeTo(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export class LintEngine implements Engine {
  private readonly config: EngineConfig;
  private readonly parseCache: ParseCache = createParseCache(undefined, { maxChars: KEPT_PARSE_CHARS });
  /** Kubernetes manifests deployed together, for checks that look for a companion object. */
  private readonly manifests: ManifestLoader;
  /** The waiver file's last text and what it parsed to: every lint (each keystroke) asks for it. */
  private waiverFile: { text: string; sites: WaiverSite[] } | undefined;
  /** The last lint's outcomes of recently linted Terraform modules, for incremental re-evaluation. */
  private readonly terraformMemos = new RecentMap<string, TerraformMemo>(MEMOISED_MODULES);
  /** The same for Kubernetes files, by path. */
  private readonly kubernetesMemos = new RecentMap<string, KubernetesMemo>(MEMOISED_MODULES);
  /** Rule outcomes of the last lint carried over from the one before it, out of all (tests, benchmarks). */
  readonly lastReuse = { reused: 0, total: 0 };
  private workspaceRules?: Promise<Rule[]>;
  private readonly ruleLoadErrors: Array<{ ruleId: string; file: string; message: string }> = [];

  constructor(private readonly options: EngineOptions) {
    this.config = options.config ?? defaultConfig();
    this.manifests = new ManifestLoader({ host: options.host, maxBytes: this.config.maxFileSizeBytes, rootDir: options.configDir });
    const builtin = builtinRules();
    for (const e of builtin.errors) this.ruleLoadErrors.push({ ruleId: e.ruleId, file: e.definedIn, message: e.message });
  }

  get rules(): RuleMeta[] {
    return builtinRules().rules.map((r) => r.meta);
  }

  private async activeRules(): Promise<Rule[]> {
    const builtin = builtinRules().rules;
    const folders = this.config.extraRuleFolders;
    if (this.options.trusted === false) return builtin;
    if (folders.length === 0 || !this.options.configDir) return builtin;
    if (!this.workspaceRules) {
      const catalog = builtinCatalog();
      this.workspaceRules = loadWorkspaceRules(this.options.host, this.options.configDir, folders, (id) => catalog.get(id) !== undefined).then((loaded) => {
        for (const e of loaded.errors) this.ruleLoadErrors.push({ ruleId: e.ruleId, file: e.definedIn, message: e.message });
        const ids = new Set(builtin.map((r) => r.meta.id));
        return [...builtin, ...loaded.rules.filter((r) => !ids.has(r.meta.id))];
      });
    }
    return this.workspaceRules;
  }

  private hasIgnores(): boolean {
    return this.config.ignorePaths.length > 0;
  }

  private ignored(path: string): boolean {
    if (this.config.ignorePaths.length === 0) return false;
    const rel = this.options.configDir ? relativeTo(this.options.configDir, path) : path;
    return this.config.ignorePaths.some((pattern) => matchesGlob(rel, pattern));
  }

  private async waiverFileSites(): Promise<WaiverSite[]> {
    const dir = this.options.configDir;
    if (!dir) return [];
    const path = `${dir.replace(/\/+$/, '')}/${WAIVER_FILE_NAME}`;
    const raw = await this.options.host.readFile(path).catch(() => undefined);
    if (raw === undefined) return [];
    const text = decodeText(raw).text;
    if (this.waiverFile?.text !== text) this.waiverFile = { text, sites: parseWaiverFile(path, text, dir) };
    return this.waiverFile.sites;
  }

  /** What classification needs to know about a file's folder: its siblings and whether it is inside a Helm chart. */
  private async classifyContext(path: string, cache: Map<string, Promise<string[] | undefined>>): Promise<ClassifyContext> {
    const list = (dir: string) => {
      let entries = cache.get(dir);
      if (!entries) {
        entries = this.options.host.readDirectory(dir).then(
          (e) => e?.map((x) => x.name),
          () => undefined,
        );
        cache.set(dir, entries);
      }
      return entries;
    };
    const dir = dirOf(path);
    const siblings = await list(dir);
    let insideHelmChart = false;
    let current = dir;
    for (let depth = 0; depth < 6 && current && current !== '.' && current !== '/'; depth++) {
      if ((await list(current))?.includes('Chart.yaml')) {
        insideHelmChart = true;
        break;
      }
      if (this.options.configDir && current === this.options.configDir) break;
      current = dirOf(current);
    }
    return { siblings, insideHelmChart };
  }

  /** Kept for the few modules being edited; a scan of thousands of modules keeps only the latest. */
  private terraformMemo(dir: string): TerraformMemo {
    return this.terraformMemos.getOrSet(dir, () => new TerraformMemo());
  }

  private kubernetesMemo(path: string): KubernetesMemo {
    return this.kubernetesMemos.getOrSet(path, () => new KubernetesMemo());
  }

  async lint(files: string[], options: LintOptions = {}): Promise<EngineLintResult> {
    const rules = await this.activeRules();
    this.lastReuse.reused = 0;
    this.lastReuse.total = 0;
    const result: EngineLintResult = { files: [], findings: [], suppressed: [], passes: [], internalErrors: [...this.ruleLoadErrors] };
    const config = this.config;
    const terraformDirs = new Set<string>();
    let raw: Finding[] = [];
    // A copy: the file's sites are kept between lints and the documents' own waivers are added below.
    const sites: WaiverSite[] = [...(await this.waiverFileSites())];
    const total = files.length;
    let done = 0;
    const directories = new Map<string, Promise<string[] | undefined>>();

    const unique = [...new Set(files.map((f) => f.replace(/\\/g, '/')))];
    // The editor lints one file per keystroke and gains from the last outcomes; a workspace scan
    // lints each file once, so keeping outcomes would only cost memory and time.
    const incremental = unique.length <= MEMOISED_MODULES;
    // Nor should it keep every parse to the end: what it holds slows every garbage collection.
    const manifestRun = this.manifests.startRun(options.overlays, { keep: incremental });
    // A scan has its own: the modules called from several places are parsed once, the rest let go.
    const parseCache = incremental ? this.parseCache : createParseCache(undefined, { scanSlots: SCAN_RECENT_FILES });
    for (const path of unique) {
      if (options.signal?.aborted) {
        result.cancelled = true;
        break;
      }
      if (this.ignored(path)) continue;
      if (TERRAFORM_FILE.test(path)) {
        terraformDirs.add(dirOf(path));
        continue;
      }
      const source = await readSource(this.options.host, path, options.overlays, config.maxFileSizeBytes);
      if (!source.ok) {
        result.files.push({ file: path, kind: 'unknown', parseErrors: 0, skipped: source.reason });
        if (source.notify) raw.push(noticeFinding('file-skipped', path, `This file was not checked: ${source.reason}.`));
        continue;
      }
      const kind = classifyFile(path, source.text, await this.classifyContext(path, directories));
      try {
        const manifests = kind === 'kubernetes' || kind === 'helm-template' ? await manifestRun.contextFor(path, source.text) : undefined;
        const memo = manifests && incremental ? this.kubernetesMemo(path) : undefined;
        const out = lintDocument(path, source.text, kind, rules, config, manifests, memo, options.fixes !== false);
        if (memo) {
          this.lastReuse.reused += memo.stats.reused;
          this.lastReuse.total += memo.stats.total;
        }
        result.files.push(out.file);
        raw = concatInto(raw, out.findings);
        result.passes = concatInto(result.passes, out.passes);
        appendAll(result.internalErrors, out.internalErrors);
        appendAll(sites, out.waivers);
      } catch (error) {
        result.files.push({ file: path, kind, parseErrors: 0, skipped: 'internal error' });
        result.internalErrors.push({ ruleId: '(engine)', file: path, message: error instanceof Error ? error.message : String(error) });
      }
      options.onProgress?.(++done, total);
    }

    for (const dir of terraformDirs) {
      if (options.signal?.aborted) {
        result.cancelled = true;
        break;
      }
      try {
        const memo = incremental ? this.terraformMemo(dir) : undefined;
        const out = await lintTerraformModule({
          host: this.options.host,
          dir,
          overlays: options.overlays,
          varFiles: options.varFiles,
          parseCache,
          rules,
          config,
          memo,
          buildFixes: options.fixes !== false,
        });
        if (memo) {
          this.lastReuse.reused += memo.stats.reused;
          this.lastReuse.total += memo.stats.total;
        }
        appendAll(result.files, out.files.filter((f) => !this.ignored(f.file)));
        raw = concatInto(raw, this.hasIgnores() ? out.findings.filter((f) => !this.ignored(f.file)) : out.findings);
        result.passes = concatInto(result.passes, out.passes);
        appendAll(result.internalErrors, out.internalErrors);
        appendAll(sites, out.waivers);
        done += out.files.length;
      } catch (error) {
        result.internalErrors.push({ ruleId: '(engine)', file: dir, message: error instanceof Error ? error.message : String(error) });
      }
      options.onProgress?.(Math.min(done, total), total);
    }

    for (const e of result.internalErrors) {
      if (e.ruleId === '(engine)' || e.file.startsWith('rules/')) continue;
      raw.push(noticeFinding('internal-error', e.file, `Rule ${e.ruleId} failed on this file and was skipped: ${e.message}. Other rules still ran; please report this.`));
    }

    const waived = applyWaivers(dedupeSecretFindings(raw, rules), sites, config.waiverPolicy, this.options.today ?? today());
    result.findings = [...waived.findings, ...waived.waiverFindings].sort(
      (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.offset - b.range.start.offset),
    );
    result.suppressed = waived.suppressed;
    return result;
  }
}

export function createEngine(options: EngineOptions): Engine {
  return new LintEngine(options);
}
