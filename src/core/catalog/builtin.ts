/**
 * The catalog and mappings shipped with the engine, compiled from `rules/catalog/*.yaml` into
 * `src/generated/builtin.ts`. Loaded once on first use; the data is validated like any other.
 */
import { builtinCatalogData } from '../../generated/builtin';
import { loadCatalog } from './load-catalog';
import { loadControlMappings } from './mappings';
import type { Catalog, ControlMappings } from './types';

let catalog: Catalog | undefined;
let mappings: ControlMappings | undefined;

export function builtinCatalog(): Catalog {
  catalog ??= loadCatalog(builtinCatalogData);
  return catalog;
}

export function builtinControlMappings(): ControlMappings {
  mappings ??= loadControlMappings(builtinCatalogData.mappings, builtinCatalog());
  return mappings;
}
