/** Lints one Terraform module (a directory) as a whole: every file, every resource instance. */
import type { Range } from '../text/position';
import type { Body } from '../hcl/ast';
import type { EngineConfig } from '../config/types';
import type { FileReport, Finding } from '../findings/types';
import type { Rule } from '../rules/rule';
import type { EvalContext } from '../rules/evaluate';
import type { Subject } from '../subjects/types';
import type { TerraformModule } from '../terraform/types';
import { loadModule, referencingResources, type ParseCache } from '../terraform';
import { TerraformSubject, terraformSubjects } from '../subjects/terraform-subjects';
import { providerSubjects } from '../subjects/provider-subjects';
import { runRules, type RuleRunOutput } from './run-rules';
import type { TerraformMemo } from './incremental-terraform';
import { waiverSites } from './waiver-sites';
import type { WaiverSite } from '../suppressions/apply';
import type { FileHost } from './api';
import { noticeFinding, parseErrorFinding } from './parse-error';
import { appendAll } from '../util/arrays';
import { newEvalContext } from '../rules/eval-context';

export interface TerraformRunInput {
  host: FileHost;
  dir: string;
  overlays?: ReadonlyMap<string, string>;
  varFiles?: string[];
  parseCache: ParseCache;
  rules: Rule[];
  config: EngineConfig;
  /** Outcomes of the previous lint of this module, reused where nothing they read changed. */
  memo?: TerraformMemo;
  /** False when the caller shows no quick fix (see `LintOptions.fixes`). */
  buildFixes?: boolean;
}

export interface TerraformRunOutput extends RuleRunOutput {
  files: FileReport[];
  waivers: WaiverSite[];
  module: TerraformModule;
}

function blockSpans(body: Body, out: Range[], depth = 0): void {
  if (depth > 64) return;
  for (const item of body.items) {
    out.push(item.range);
    if (item.type === 'Block') blockSpans(item.body, out, depth + 1);
  }
}

export async function lintTerraformModule(input: TerraformRunInput): Promise<TerraformRunOutput> {
  const module = await loadModule(input.host, input.dir, {
    varFiles: input.varFiles,
    overlays: input.overlays,
    parseCache: input.parseCache,
    maxFileSize: input.config.maxFileSizeBytes,
  });
  const subjects: Subject[] = [...terraformSubjects(module), ...providerSubjects(module)];
  const related: EvalContext['related'] = (s, types, via) => {
    if (!(s instanceof TerraformSubject)) return [];
    return referencingResources(module, s.resource, { types, attribute: via }).map((r) => new TerraformSubject(r.module ?? module, r.resource, {}, undefined));
  };
  const makeContext = (subject: Subject): EvalContext => newEvalContext(input.config, subject, related);
  const rules = input.rules.filter((r) => r.meta.target === 'terraform');
  input.memo?.begin(module, rules, input.config, JSON.stringify(input.varFiles ?? []));
  const run = runRules(rules, subjects, makeContext, input.config, input.memo, input.buildFixes !== false);
  input.memo?.finish();
  const files: FileReport[] = [];
  const waivers: WaiverSite[] = [];
  const parseFindings: Finding[] = [];
  for (const file of module.files) {
    const kind = file.path.endsWith('.json') ? 'terraform-json' : file.path.endsWith('.tfvars') ? 'tfvars' : 'terraform';
    if (file.skipped) {
      // Left out on purpose, as other files are: one information finding for size, none for binary.
      files.push({ file: file.path, kind, parseErrors: 0, skipped: file.error ?? file.skipped });
      if (file.skipped === 'too-large') parseFindings.push(noticeFinding('file-skipped', file.path, `This file was not checked: it ${file.error}.`));
      continue;
    }
    files.push({ file: file.path, kind, parseErrors: file.parsed.errors.length });
    if (file.parsed.errors.length) parseFindings.push(parseErrorFinding(file.path, file.parsed.errors));
    const body = file.parsed.body;
    const spansOf = (): Range[] => {
      const spans: Range[] = [];
      blockSpans(body, spans);
      return spans;
    };
    appendAll(waivers, waiverSites(file.path, file.parsed.text, file.parsed.comments, spansOf));
  }
  return { ...run, findings: [...parseFindings, ...run.findings], files, waivers, module };
}
