/**
 * What the JSON syntax cannot say by itself: which properties are blocks, how many label levels
 * a block type has, and which arguments Terraform reads as bare expressions instead of templates.
 * Terraform gets this from its own schema and the providers'; without provider schemas, bodies
 * that providers define use a shape rule (see `inferNested`).
 */

export interface BlockSchema {
  /** Number of label levels between the block type key and the body object. */
  labels: number;
  /** Nested block types this schema knows about. */
  blocks?: Readonly<Record<string, BlockSchema>>;
  /**
   * Arguments whose strings Terraform parses as expressions (references, type constraints):
   * `"provider": "aws.eu"` means the traversal `aws.eu`, not the string.
   */
  expressionArguments?: ReadonlySet<string>;
  /**
   * The body is defined by a provider: an object value, or an array of objects, is read as
   * nested blocks unless the argument is one that providers define as a map.
   */
  inferNested?: boolean;
}

/** Provider arguments that take a map, so an object value is an attribute, not a block. */
export const MAP_ARGUMENTS: ReadonlySet<string> = new Set([
  'tags',
  'tags_all',
  'labels',
  'user_labels',
  'resource_labels',
  'effective_labels',
  'terraform_labels',
  'annotations',
  'variables',
  'environment_variables',
  'app_settings',
  'triggers',
  'parameters',
  'options',
  'properties',
  'attributes',
  'metadata',
  'data',
  'binary_data',
  'values',
  'context',
  'headers',
]);

const CONDITION: BlockSchema = { labels: 0 };
const CONNECTION: BlockSchema = { labels: 0 };
const PROVISIONER: BlockSchema = { labels: 1, blocks: { connection: CONNECTION } };

const LIFECYCLE: BlockSchema = {
  labels: 0,
  blocks: { precondition: CONDITION, postcondition: CONDITION },
  expressionArguments: new Set(['ignore_changes', 'replace_triggered_by']),
};

const PROVIDER_DEFINED: BlockSchema = { labels: 0, inferNested: true };

const DYNAMIC: BlockSchema = { labels: 1, blocks: { content: PROVIDER_DEFINED } };

const RESOURCE: BlockSchema = {
  labels: 2,
  inferNested: true,
  blocks: { lifecycle: LIFECYCLE, connection: CONNECTION, provisioner: PROVISIONER, dynamic: DYNAMIC },
  expressionArguments: new Set(['depends_on', 'provider']),
};

const TERRAFORM: BlockSchema = {
  labels: 0,
  blocks: {
    backend: { labels: 1 },
    cloud: { labels: 0, blocks: { workspaces: { labels: 0 } } },
    required_providers: { labels: 0 },
    provider_meta: { labels: 1 },
  },
};

/** The top level of a `.tf.json` file: every property is a block of one of these types. */
export const CONFIGURATION_BLOCKS: Readonly<Record<string, BlockSchema>> = {
  resource: RESOURCE,
  data: RESOURCE,
  ephemeral: RESOURCE,
  variable: { labels: 1, blocks: { validation: CONDITION }, expressionArguments: new Set(['type']) },
  output: { labels: 1, blocks: { precondition: CONDITION }, expressionArguments: new Set(['depends_on']) },
  module: { labels: 1, expressionArguments: new Set(['depends_on', 'providers']) },
  provider: { labels: 1, inferNested: true },
  locals: { labels: 0 },
  terraform: TERRAFORM,
  moved: { labels: 0, expressionArguments: new Set(['from', 'to']) },
  import: { labels: 0, expressionArguments: new Set(['to', 'provider']) },
  removed: { labels: 0, blocks: { lifecycle: LIFECYCLE, provisioner: PROVISIONER, connection: CONNECTION }, expressionArguments: new Set(['from']) },
  check: { labels: 1, blocks: { data: RESOURCE, assert: CONDITION } },
};

/** A top-level key Terraform does not know: kept as a block without labels. */
export const UNKNOWN_TOP_LEVEL: BlockSchema = { labels: 0, inferNested: true };
