/** The Terraform project model and evaluator: everything rules and the engine use. */
export * from './types';
export { getAttribute, getBlocks, nestedBlocks, staticString, traversalText } from './blocks';
export { evaluate, instancesOf, nestedBlockInstances, type BlockInstance } from './evaluate';
export { loadModule, isTerraformFile, MAX_MODULE_DEPTH, type LoadOptions } from './load-module';
export { ParseCache, createParseCache, type ParseFunction, type ParseCacheOptions } from './parse-cache';
export { DEFAULT_MAX_FILE_SIZE } from './source-reader';
export { MAX_INSTANCES } from './eval/instances';
export { EvalFailure } from './eval/values';
export { referencedResources } from './referenced-resources';
export { referencingResources, type Relationship, type RelationshipQuery } from './relationships';
export { TerraformProject, loadProject, moduleDirsOf } from './project';
export { providerRegion, defaultProviderName } from './provider-region';
export { rootOf, modulesInTree, addressPrefixOf } from './module-tree';
