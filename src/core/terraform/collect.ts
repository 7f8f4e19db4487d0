/** Turns the parsed files of one module directory into its declarations. */
import type { Block } from '../hcl/ast';
import { UNTRACKED } from '../util/lint-lived';
import { getAttribute, getBlocks, staticBool, staticString, traversalText } from './blocks';
import type {
  LocalDecl,
  ModuleCallDecl,
  ModuleFile,
  OutputDecl,
  ProviderDecl,
  ResourceDecl,
  VariableDecl,
} from './types';

export interface Declarations {
  resources: ResourceDecl[];
  dataSources: ResourceDecl[];
  variables: Map<string, VariableDecl>;
  locals: Map<string, LocalDecl>;
  outputs: OutputDecl[];
  providers: ProviderDecl[];
  moduleCalls: ModuleCallDecl[];
}

/** `addressPrefix` is `module.a.module.b.` for a child module, '' for a root. */
export function collectDeclarations(files: ModuleFile[], addressPrefix: string): Declarations {
  const out: Declarations = {
    resources: [],
    dataSources: [],
    variables: new Map(),
    locals: new Map(),
    outputs: [],
    providers: [],
    moduleCalls: [],
  };
  for (const file of files) {
    for (const item of file.parsed.body.items) {
      if (item.type === 'Block') collectBlock(item, file.path, addressPrefix, out);
    }
  }
  return out;
}

/** Declarations, one per block, are kept to the next lint with the subjects: made untracked (see lint-lived.ts). */
function collectBlock(block: Block, file: string, prefix: string, out: Declarations): void {
  const label = (i: number): string | undefined => block.labels[i]?.value;
  switch (block.blockType) {
    case 'resource':
    case 'data': {
      const type = label(0);
      const name = label(1);
      if (type === undefined || name === undefined) return;
      const mode = block.blockType === 'data' ? 'data' : 'managed';
      const providerAttr = getAttribute(block.body, 'provider');
      const decl: ResourceDecl = {
        ...UNTRACKED,
        mode,
        type,
        name,
        address: `${prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`,
        block,
        file,
        count: getAttribute(block.body, 'count'),
        forEach: getAttribute(block.body, 'for_each'),
        providerRef: providerAttr ? traversalText(providerAttr.expr) : undefined,
      };
      (mode === 'data' ? out.dataSources : out.resources).push(decl);
      return;
    }
    case 'module': {
      const name = label(0);
      if (name === undefined) return;
      const source = getAttribute(block.body, 'source');
      out.moduleCalls.push({ ...UNTRACKED, name, block, file, source: source ? staticString(source.expr) : undefined });
      return;
    }
    case 'variable': {
      const name = label(0);
      // Terraform rejects duplicates; the first declaration is the one a reader finds first too.
      if (name === undefined || out.variables.has(name)) return;
      out.variables.set(name, {
        ...UNTRACKED,
        name,
        block,
        file,
        type: getAttribute(block.body, 'type')?.expr,
        default: getAttribute(block.body, 'default'),
        sensitive: staticBool(getAttribute(block.body, 'sensitive')?.expr) === true,
        validations: getBlocks(block.body, 'validation'),
        nullable: staticBool(getAttribute(block.body, 'nullable')?.expr),
      });
      return;
    }
    case 'locals':
      for (const item of block.body.items) {
        if (item.type === 'Attribute' && !out.locals.has(item.name)) out.locals.set(item.name, { ...UNTRACKED, name: item.name, attribute: item, file });
      }
      return;
    case 'output': {
      const name = label(0);
      if (name !== undefined) out.outputs.push({ ...UNTRACKED, name, block, file });
      return;
    }
    case 'provider': {
      const name = label(0);
      if (name === undefined) return;
      const alias = getAttribute(block.body, 'alias');
      out.providers.push({
        ...UNTRACKED,
        name,
        alias: alias ? staticString(alias.expr) : undefined,
        block,
        file,
        region: getAttribute(block.body, 'region'),
      });
      return;
    }
    default:
      return; // terraform, moved, import, check, removed: nothing the model needs
  }
}
