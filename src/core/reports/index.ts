/** Report formatters: pure functions from a lint result to text in one of the supported formats. */
import { formatCsv } from './csv';
import { formatGithub } from './github';
import { formatHtml } from './html';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { ReportFormat } from './formats';
import type { ReportInput, ReportOptions } from './types';

export { REPORT_FORMATS, type ReportFormat } from './formats';
export type { ReportCatalog, ReportControl, ReportInput, ReportOptions, ReportSource, ToolInfo } from './types';
export { buildComplianceSummary, type ComplianceSummary, type Tally, type WaiverEntry } from './compliance';
export { summarize, type ResultSummary } from './summary';
export { buildJsonReport, type JsonReport } from './json';
export { buildSarif } from './sarif';
export { formatCsv, csvField, CSV_COLUMNS } from './csv';
export { ruleHelpText, ruleHelpMarkdown, ruleDocsPath } from './rule-text';

const FORMATTERS: Record<ReportFormat, (input: ReportInput, options: ReportOptions) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
  html: formatHtml,
  github: formatGithub,
  csv: formatCsv,
};

export function formatReport(format: ReportFormat, input: ReportInput, options: ReportOptions = {}): string {
  return FORMATTERS[format](input, options);
}
