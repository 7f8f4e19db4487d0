/** The report formats every front end can ask for. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'github', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
