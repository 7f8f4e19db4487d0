/** Command ids, shared by package.json contributions, code actions, views and tests. */
export const COMMANDS = {
  showSummary: 'enisaHealth.showComplianceSummary',
  exportReport: 'enisaHealth.exportComplianceReport',
  scanWorkspace: 'enisaHealth.scanWorkspace',
  showWaivers: 'enisaHealth.showWaivers',
  openRuleCatalog: 'enisaHealth.openRuleCatalog',
  selectTfvars: 'enisaHealth.selectTfvarsFile',
  showRuleDocs: 'enisaHealth.showRuleDocumentation',
  waive: 'enisaHealth.waiveFinding',
  fixAllOfRule: 'enisaHealth.fixAllOfRuleInFile',
  refreshSummary: 'enisaHealth.refreshSummary',
} as const;

export const SUMMARY_VIEW_ID = 'enisaHealth.complianceTree';
export const SUMMARY_PANEL_TYPE = 'enisaHealth.summary';
