export type { TextChange } from './types';
export { applyEdits, changeAt, EditConflictError } from './apply';
export {
  yamlSetScalar,
  yamlInsertEntry,
  yamlEnsurePath,
  yamlReplaceValue,
  yamlRemoveEntry,
  yamlAppendSeqItem,
  yamlOwnEntry,
  type YamlValue,
  type InsertOptions,
} from './yaml-edit';
export { yamlRemoveSeqItem, yamlAppendDocument } from './yaml-list-edit';
export { renderScalar, renderFlow, readsBackAsString, type BlockLayout } from './yaml-render';
export { detectYamlLayout } from './yaml-layout';
export { jsonSetValue, jsonInsertArrayItem, jsonRemove, detectJsonFormatting, type JSONPath } from './json-edit';
export { propertiesSetValue, propertiesRemove, escapeKey as escapePropertiesKey, escapeValue as escapePropertiesValue } from './properties-edit';
export { envSetValue, envRemove, renderEnvValue } from './env-edit';
export { mosquittoSetOption, mosquittoAddOption, mosquittoRemoveOption, type MosquittoSectionRef } from './mosquitto-edit';
