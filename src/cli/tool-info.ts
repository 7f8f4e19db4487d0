/** Who we are, as every report states it. The version is injected by scripts/build.mjs. */
import type { ToolInfo } from '../core/reports';

declare const __TOOL_VERSION__: string;

export const TOOL_NAME = 'enisa-health-lint';

/** Rule help links in SARIF are built from this (`<uri>/blob/main/docs/rules/<id>.md`). */
export const TOOL_INFORMATION_URI = 'https://github.com/enisa-health-lint/enisa-health-lint';

export function toolVersion(): string {
  return typeof __TOOL_VERSION__ === 'string' ? __TOOL_VERSION__ : '0.0.0-dev';
}

export function toolInfo(): ToolInfo {
  return { name: TOOL_NAME, version: toolVersion(), informationUri: TOOL_INFORMATION_URI };
}
