/**
 * Reads and writes of data are only recorded when Data Access audit logs are on for the service
 * (or for `allServices`) with the right log types: DATA_READ and DATA_WRITE for the Healthcare
 * API, all three types for a project as a whole. The audit configuration is a separate resource,
 * anywhere in the configuration (project, folder or organisation level), so this predicate looks
 * at the whole loaded module tree.
 *
 * Arguments: `services` (service names that count) and `logTypes` (the types that must be on).
 */
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import type { TerraformSubject } from '../../subjects/terraform-subjects';
import { instancesOf, modulesInTree, rootOf, type TerraformModule } from '../../terraform';
import type { EvalContext, Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { PASS, blockInstances, failAt, knownString, single, undetermined, withoutFix } from './gcp-scopes';

const AUDIT_CONFIG_TYPES = new Set(['google_project_iam_audit_config', 'google_folder_iam_audit_config', 'google_organization_iam_audit_config']);

/** Every instance of every audit configuration resource in the loaded tree. */
function auditConfigScopes(module: TerraformModule): TerraformScope[] {
  const out: TerraformScope[] = [];
  for (const m of modulesInTree(rootOf(module))) {
    for (const resource of m.resources) {
      if (!AUDIT_CONFIG_TYPES.has(resource.type)) continue;
      for (const evalScope of instancesOf(m, resource)) out.push(new TerraformScope(m, resource.file, resource.block, resource.block.body, evalScope));
    }
  }
  return out;
}

registerPredicate('gcp-data-access-audit-logs', (scope: Scope, args, ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return PASS;
  if (!Array.isArray(args.services) || !Array.isArray(args.logTypes)) throw new Error('gcp-data-access-audit-logs needs "services" and "logTypes"');
  const services = args.services.map(String);
  const required = args.logTypes.map((t) => String(t).toUpperCase());
  const covered = new Set<string>();
  let pending: Evidence | undefined;
  let partial: { config: TerraformScope; range: Evidence['range'] } | undefined;
  for (const config of auditConfigScopes(scope.module)) {
    const service = single(config, 'service');
    if (service.state === 'unknown') {
      pending ??= undetermined(service, withoutFix(config));
      continue;
    }
    const name = knownString(service);
    if (name === undefined || !services.includes(name)) continue;
    for (const logConfig of blockInstances(config, 'audit_log_config')) {
      const logType = single(logConfig, 'log_type');
      if (logType.state === 'unknown') pending ??= undetermined(logType, withoutFix(config));
      const text = knownString(logType);
      if (text) covered.add(text.toUpperCase());
    }
    partial ??= { config, range: service.state === 'known' ? service.range : config.headerRange };
  }
  const missing = required.filter((t) => !covered.has(t));
  if (missing.length === 0) return PASS;
  if (pending) return pending;
  if (partial) {
    // The configuration exists but lacks a log type: it is the place to change, by hand.
    return failAt(partial.range!, withoutFix(partial.config), undefined, `${missing.join(' and ')} not logged`);
  }
  const subject = ctx.subject as TerraformSubject;
  // The fix refers to the subject's project by address, which needs an index on repeated resources.
  const repeated = subject.resource?.count !== undefined || subject.resource?.forEach !== undefined;
  return failAt(scope.headerRange, repeated ? withoutFix(scope) : scope, { state: 'absent', anchor: scope.headerRange, scope, path: ['audit_config'] }, 'none in this configuration');
});
