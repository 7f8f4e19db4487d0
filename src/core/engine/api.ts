/**
 * The engine's public surface, used by the CLI, the extension and the benchmarks. It never
 * touches a file system itself: the host reads files and lists directories.
 */
import type { LintResult } from '../findings/types';

export interface DirectoryEntry {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
}

/** Everything the engine may ask of the outside world. Paths use `/` separators. */
export interface FileHost {
  /** The file's bytes (or text), or undefined when it cannot be read. */
  readFile(path: string): Promise<Uint8Array | string | undefined>;
  readDirectory(path: string): Promise<DirectoryEntry[] | undefined>;
}

export interface LintOptions {
  /** Unsaved editor buffers that take precedence over what the host reads. */
  overlays?: ReadonlyMap<string, string>;
  /** Checked between files; an aborted run resolves with what it has and `cancelled: true`. */
  signal?: { readonly aborted: boolean };
  /** Terraform variable files chosen by the user, applied after terraform.tfvars and *.auto.tfvars. */
  varFiles?: string[];
  /** Called after each file, for progress reporting. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Whether findings carry their quick fix (default true). A caller whose output shows no fix (the
   * CLI's text, JUnit, Markdown, HTML, GitHub and CSV reports) passes false and saves building them.
   */
  fixes?: boolean;
}

export interface EngineLintResult extends LintResult {
  cancelled?: boolean;
  /** Internal failures of single rules, reported once each; other rules still ran. */
  internalErrors: Array<{ ruleId: string; file: string; message: string }>;
}

/**
 * Implemented in `./engine.ts` (`createEngine(options: EngineOptions): Engine`). `lint` takes files
 * and directories; directories are walked by the caller (the CLI respects .gitignore), so here each
 * path is a file. Terraform files are linted as part of their module (their directory), reading
 * sibling files through the host unless they are among the given paths or overlays.
 */
export interface Engine {
  lint(files: string[], options?: LintOptions): Promise<EngineLintResult>;
  /** Metadata of every active rule (built-ins plus trusted extra rule folders). */
  readonly rules: import('../rules/types').RuleMeta[];
}

export interface EngineOptions {
  host: FileHost;
  /** A validated `.enisa-health.yaml` (see `src/core/config`). */
  config?: import('../config/types').EngineConfig;
  /** Directory the config file lives in; relative paths in it resolve from here. */
  configDir?: string;
  /** False in an untrusted workspace: workspace rule folders are ignored. */
  trusted?: boolean;
  /** Fixed "today" for waiver expiry (tests); defaults to the real date. */
  today?: string;
}
