/**
 * Reads and writes of Healthcare API data are only recorded when Data Access audit logs are on
 * for `healthcare.googleapis.com` (or for `allServices`) with both DATA_READ and DATA_WRITE. The
 * audit configuration is a separate resource, anywhere in the configuration (project, folder or
 * organisation level), so this predicate looks at the whole loaded module tree.
 */
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import type { TerraformSubject } from '../../subjects/terraform-subjects';
import { instancesOf, modulesInTree, rootOf, type TerraformModule } from '../../terraform';
import type { EvalContext, Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { PASS, blockInstances, failAt, knownString, single, undetermined, withoutFix } from './gcp-scopes';

const AUDIT_CONFIG_TYPES = new Set(['google_project_iam_audit_config', 'google_folder_iam_audit_config', 'google_organization_iam_audit_config']);
const REQUIRED_LOG_TYPES = ['DATA_READ', 'DATA_WRITE'];

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

registerPredicate('gcp-healthcare-data-access-audit-logs', (scope: Scope, args, ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return PASS;
  const services = Array.isArray(args.services) ? args.services.map(String) : ['healthcare.googleapis.com', 'allServices'];
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
  const missing = REQUIRED_LOG_TYPES.filter((t) => !covered.has(t));
  if (missing.length === 0) return PASS;
  if (pending) return pending;
  if (partial) {
    // The configuration exists but lacks a log type: it is the place to change, by hand.
    return failAt(partial.range!, withoutFix(partial.config), undefined, `${missing.join(' and ')} not logged`);
  }
  const subject = ctx.subject as TerraformSubject;
  // The fix refers to the dataset's project by address, which needs an index on repeated resources.
  const repeated = subject.resource?.count !== undefined || subject.resource?.forEach !== undefined;
  return failAt(scope.headerRange, repeated ? withoutFix(scope) : scope, { state: 'absent', anchor: scope.headerRange, scope, path: ['audit_config'] }, 'none in this configuration');
});
