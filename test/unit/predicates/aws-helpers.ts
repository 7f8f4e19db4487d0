/** Helpers for the AWS predicate tests: lint small Terraform modules, load subjects, call predicates. */
import type { Finding } from '../../../src/core/findings/types';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { EngineConfig } from '../../../src/core/config/types';
import { getPredicate } from '../../../src/core/rules/predicates';
import type { EvalContext, Evidence } from '../../../src/core/rules/evaluate';
import { TerraformSubject, terraformSubjects } from '../../../src/core/subjects/terraform-subjects';
import { referencingResources } from '../../../src/core/terraform';
import { lintFiles } from '../rules/rule-tester';
import { moduleFrom } from '../terraform/support';

/** One rule's findings for a module given as file name → text (or a single main.tf). */
export async function awsFindings(ruleId: string, files: string | Record<string, string>): Promise<Finding[]> {
  const entries = typeof files === 'string' ? { 'main.tf': files } : files;
  const result = await lintFiles(new Map(Object.entries(entries).map(([name, text]) => [`/aws/${name}`, text])));
  if (result.internalErrors.length) throw new Error(JSON.stringify(result.internalErrors));
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** The source text a single-line finding covers. */
export function covered(text: string, finding: Finding): string {
  return text.split('\n')[finding.range.start.line].slice(finding.range.start.column, finding.range.end.column);
}

/** The subject with the given address (`aws_s3_bucket.x`, `data.aws_iam_policy_document.y`) of a module. */
export async function subjectOf(address: string, files: string | Record<string, string>): Promise<TerraformSubject> {
  const entries = typeof files === 'string' ? { 'main.tf': files } : files;
  const module = await moduleFrom(Object.fromEntries(Object.entries(entries).map(([name, text]) => [`/p/${name}`, text])));
  const subject = terraformSubjects(module).find((s) => s.name === address);
  if (!subject) throw new Error(`no subject ${address}`);
  return subject;
}

/** Runs a predicate on a subject the way the engine does, with an optional configuration change. */
export function runPredicate(name: string, subject: TerraformSubject, args: Record<string, unknown> = {}, config: Partial<EngineConfig> = {}): Evidence {
  const predicate = getPredicate(name);
  if (!predicate) throw new Error(`no predicate ${name}`);
  const ctx: EvalContext = {
    config: { ...defaultConfig(), ...config },
    subject,
    related: (s, types, via) =>
      s instanceof TerraformSubject
        ? referencingResources(subject.module, s.resource, { types, attribute: via }).map((r) => new TerraformSubject(subject.module, r.resource, {}, undefined))
        : [],
  };
  return predicate(subject, args, ctx);
}
