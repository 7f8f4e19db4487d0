/** --help text, generated from the same command table the parser uses. */
import type { CommandSpec, OptionSpec } from './argv';
import { COMMANDS, GLOBAL_OPTIONS } from './commands/spec';
import { TOOL_NAME } from './tool-info';

function optionLines(options: readonly OptionSpec[]): string[] {
  const labels = options.map((o) => `--${o.name}${o.takesValue ? ` ${o.valueName ?? 'VALUE'}` : ''}`);
  const width = Math.min(Math.max(...labels.map((l) => l.length)), 34);
  return options.map((o, i) => `  ${labels[i].padEnd(width)}  ${o.description}`);
}

function commandHelp(command: CommandSpec): string {
  const lines = [`Usage: ${TOOL_NAME} ${command.name}${command.positionals ? ` ${command.positionals}` : ''} [options]`, '', command.summary];
  if (command.options.length > 0) lines.push('', 'Options:', ...optionLines(command.options));
  return lines.join('\n');
}

export function helpText(commandName?: string): string {
  const command = COMMANDS.find((c) => c.name === commandName);
  if (command) return `${commandHelp(command)}\n\nGlobal options:\n${optionLines(GLOBAL_OPTIONS).join('\n')}\n`;
  const width = Math.max(...COMMANDS.map((c) => `${c.name} ${c.positionals}`.length));
  return [
    `Usage: ${TOOL_NAME} <command> [options]`,
    '',
    'Lints Terraform, Kubernetes manifests and application config of health-care cloud systems',
    'for security and data-protection mistakes, mapped to ENISA, EUCS, GDPR and NIS2 controls.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${`${c.name} ${c.positionals}`.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,',
    '2 usage error, unreadable path, invalid configuration or internal rule error.',
    '',
    `Run "${TOOL_NAME} <command> --help" for the options of one command.`,
    '',
  ].join('\n');
}
