/**
 * What every formatter receives. Paths in `result` are already in the form the report should show
 * (the CLI makes them relative to the working directory with `/` separators), so formatters never
 * touch paths and stay free of Node APIs.
 */
import type { EngineLintResult } from '../engine/api';
import type { RuleMeta, UseCase } from '../rules/types';

export interface ReportControl {
  id: string;
  title: string;
  family: string;
  summary?: string;
  /** Key of the catalog source the control belongs to. */
  source: string;
  ref?: string;
  useCases?: UseCase[];
}

export interface ReportSource {
  key: string;
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
}

/** The read-only view of the control catalog that reports need (the engine's `Catalog` fits it). */
export interface ReportCatalog {
  get(id: string): ReportControl | undefined;
  source(key: string): ReportSource | undefined;
}

export interface ToolInfo {
  name: string;
  version: string;
  /** Home of the tool; rule help links are built from it. */
  informationUri: string;
}

export interface ReportInput {
  tool: ToolInfo;
  result: EngineLintResult;
  rules: readonly RuleMeta[];
  catalog?: ReportCatalog;
  /** Absolute `file:` URI (ending in `/`) of the directory report paths are relative to. */
  rootUri?: string;
  /** Findings hidden because they are in the baseline; counted, never listed. */
  baselined?: number;
}

export interface ReportOptions {
  /** ANSI colours in the text format. */
  color?: boolean;
  /** Text format: findings only, no summary. */
  quiet?: boolean;
}
