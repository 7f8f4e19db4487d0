/**
 * The latest outcome for every file the extension has linted (as-you-type runs and workspace
 * scans alike), kept per file so the compliance summary, tree, status bar and hovers all read the
 * same numbers, and merged back into one result in the shape the core report builders expect.
 */
import * as vscode from 'vscode';
import type { EngineLintResult } from '../core/engine/api';
import type { FileReport, Finding, PassRecord } from '../core/findings/types';
import { appendAll } from '../core/util/arrays';

interface FileSlice {
  report: FileReport;
  findings: Finding[];
  suppressed: Finding[];
  passes: PassRecord[];
}

export class ResultStore implements vscode.Disposable {
  private readonly files = new Map<string, FileSlice>();
  private internalErrors: EngineLintResult['internalErrors'] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  update(result: EngineLintResult): void {
    const slices = new Map<string, FileSlice>();
    const slice = (file: string): FileSlice => {
      let existing = slices.get(file);
      if (!existing) {
        existing = { report: { file, kind: 'unknown', parseErrors: 0 }, findings: [], suppressed: [], passes: [] };
        slices.set(file, existing);
      }
      return existing;
    };
    for (const report of result.files) slice(report.file).report = report;
    for (const finding of result.findings) slice(finding.file).findings.push(finding);
    for (const finding of result.suppressed) slice(finding.file).suppressed.push(finding);
    for (const pass of result.passes) slice(pass.file).passes.push(pass);
    for (const [file, value] of slices) this.files.set(file, value);
    const touched = new Set(slices.keys());
    this.internalErrors = [...this.internalErrors.filter((e) => !touched.has(e.file)), ...result.internalErrors];
    this.changed.fire();
  }

  remove(file: string): void {
    if (this.files.delete(file)) this.changed.fire();
  }

  findingsOf(file: string): readonly Finding[] {
    return this.files.get(file)?.findings ?? [];
  }

  passesOf(file: string): readonly PassRecord[] {
    return this.files.get(file)?.passes ?? [];
  }

  suppressedOf(file: string): readonly Finding[] {
    return this.files.get(file)?.suppressed ?? [];
  }

  get size(): number {
    return this.files.size;
  }

  /** Every stored file's outcome as one lint result, optionally only files under `within`. */
  merged(within?: (file: string) => boolean): EngineLintResult {
    const result: EngineLintResult = { files: [], findings: [], suppressed: [], passes: [], internalErrors: [] };
    for (const [file, slice] of this.files) {
      if (within && !within(file)) continue;
      result.files.push(slice.report);
      appendAll(result.findings, slice.findings);
      appendAll(result.suppressed, slice.suppressed);
      appendAll(result.passes, slice.passes);
    }
    result.internalErrors = this.internalErrors.filter((e) => !within || within(e.file));
    return result;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
