/**
 * The Terraform project model that rules query. A module is a directory; values are evaluated
 * three-valued: known, or unknown with the reason and the chain of places it came from.
 */
import type { Range } from '../text/position';
import type { Attribute, Block, Body, Expression, HclFile } from '../hcl/ast';

/** Where a value came from, for hovers and related locations ("from variables.tf line 12"). */
export interface ValueOrigin {
  file: string;
  range: Range;
  /** Plain words, e.g. "default of variable \"encrypted\"" or "terraform.tfvars". */
  description: string;
}

/** A value that cannot be known statically (a resource attribute computed at apply time, ...). */
export class Unknown {
  constructor(
    readonly reason: string,
    readonly origins: ValueOrigin[] = [],
  ) {}
}

export type TfValue = null | boolean | number | string | TfValue[] | { [key: string]: TfValue } | Unknown;

export interface Evaluated {
  value: TfValue;
  /** The places that decided the value, outermost first (the attribute, then the variable, ...). */
  origins: ValueOrigin[];
}

export interface VariableDecl {
  name: string;
  block: Block;
  file: string;
  type?: Expression;
  default?: Attribute;
  sensitive: boolean;
  /** `validation { condition, error_message }` blocks, in source order. */
  validations?: Block[];
  /** `nullable = false` makes a null input fall back to the default. */
  nullable?: boolean;
}

export interface ResourceDecl {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `aws_s3_bucket.records`, `data.aws_iam_policy_document.x`, prefixed by `module.<name>.` for child modules. */
  address: string;
  block: Block;
  file: string;
  count?: Attribute;
  forEach?: Attribute;
  /** The `provider` meta-argument as written (`aws.eu`), if any. */
  providerRef?: string;
}

export interface ProviderDecl {
  name: string;
  alias?: string;
  block: Block;
  file: string;
  /** The `region` argument when written. */
  region?: Attribute;
}

export interface ModuleCallDecl {
  name: string;
  block: Block;
  file: string;
  source?: string;
  /** The directory of the called module when it could be resolved (local path or `.terraform/modules`). */
  resolvedDir?: string;
  /** Why the call could not be followed (remote source without `terraform init`, cycle, depth). */
  unresolvedReason?: string;
}

export interface LocalDecl {
  name: string;
  attribute: Attribute;
  file: string;
}

export interface OutputDecl {
  name: string;
  block: Block;
  file: string;
}

/** Bindings of one evaluation: `each.key`/`each.value`, `count.index`, a dynamic block iterator. */
export interface EvalScope {
  each?: { key: TfValue; value: TfValue };
  countIndex?: TfValue;
  /** Iterator variables of enclosing `dynamic` blocks and `for` expressions. */
  locals?: Record<string, TfValue>;
}

/** One file of the module and its parse. */
export interface ModuleFile {
  path: string;
  parsed: HclFile;
  /** Set when the file was not parsed (too large, not UTF-8, unreadable); `parsed` is then empty. */
  error?: string;
  /** Set when the file was left out on purpose rather than broken: over the size limit, or not text. */
  skipped?: 'too-large' | 'binary';
}

export interface TerraformModule {
  /** Directory path as given by the host (posix separators). */
  dir: string;
  files: ModuleFile[];
  resources: ResourceDecl[];
  dataSources: ResourceDecl[];
  variables: Map<string, VariableDecl>;
  locals: Map<string, LocalDecl>;
  outputs: OutputDecl[];
  providers: ProviderDecl[];
  moduleCalls: ModuleCallDecl[];
  /** Variable values from tfvars, auto.tfvars, a chosen var file or a parent module call. */
  inputs: Map<string, { expr: Expression | TfValue; origin: ValueOrigin; scopeModule?: TerraformModule }>;
  parent?: { module: TerraformModule; call: ModuleCallDecl };
  /** Loaded child modules by module call name (only calls whose source could be followed). */
  children?: Map<string, TerraformModule>;
  /** The tfvars files a root module's inputs were read from, in the order they were applied. */
  inputFiles?: ModuleFile[];
}

/** A nested block as rules see it: either written out, or produced by a `dynamic` block. */
export interface NestedBlock {
  block: Block;
  /** Present when the block comes from `dynamic "<type>" { content { ... } }`. */
  dynamic?: { dynamicBlock: Block; iterator: string; forEach?: Attribute };
  body: Body;
}
