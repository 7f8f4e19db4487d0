export { parseYamlTree, type YamlParseOptions } from './parse-yaml';
export { parseJsonTree } from './parse-json';
export { hasTemplateActions, hasPlainTemplateActions, maskTemplateActions, type MaskedText, type TemplateAction, type TemplateLine } from './helm-mask';
export { HELM_TEMPLATED_REASON, EMBEDDED_TEMPLATE_REASON } from './yaml-nodes';
