/** The command-line surface: one table that both the parser and --help read. */
import type { CommandSpec, OptionSpec } from '../argv';
import { REPORT_FORMATS } from '../../core/reports/formats';

export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'help', takesValue: false, description: 'show this help' },
  { name: 'version', takesValue: false, description: 'print the version' },
  { name: 'no-color', takesValue: false, description: 'never colour the output (NO_COLOR=1 does the same)' },
];

const LISTING_FORMAT: OptionSpec = {
  name: 'format',
  takesValue: true,
  choices: ['text', 'json'],
  valueName: 'text|json',
  description: 'output format (default text)',
};

export const COMMANDS: CommandSpec[] = [
  {
    name: 'scan',
    summary: 'lint files and directories (default: the current directory)',
    positionals: '[PATH...]',
    minPositionals: 0,
    maxPositionals: Number.POSITIVE_INFINITY,
    options: [
      { name: 'format', takesValue: true, choices: REPORT_FORMATS, valueName: REPORT_FORMATS.join('|'), description: 'report format (default text)' },
      { name: 'output', takesValue: true, valueName: 'FILE', description: 'write the report to FILE instead of stdout' },
      { name: 'config', takesValue: true, valueName: 'FILE', description: 'configuration file (default: the nearest .enisa-health.yaml)' },
      { name: 'fail-on', takesValue: true, choices: FAIL_ON_LEVELS, valueName: FAIL_ON_LEVELS.join('|'), description: 'lowest severity that makes the exit code 1 (default error)' },
      { name: 'var-file', takesValue: true, repeatable: true, valueName: 'FILE', description: 'Terraform variable file, applied after terraform.tfvars and *.auto.tfvars (repeatable)' },
      { name: 'include', takesValue: true, repeatable: true, valueName: 'GLOB', description: 'only lint files matching GLOB (repeatable)' },
      { name: 'exclude', takesValue: true, repeatable: true, valueName: 'GLOB', description: 'skip files and directories matching GLOB (repeatable)' },
      { name: 'baseline', takesValue: true, valueName: 'FILE', description: 'report only findings that are not in the baseline FILE' },
      { name: 'write-baseline', takesValue: true, valueName: 'FILE', description: 'write every current finding to FILE as the new baseline' },
      { name: 'quiet', takesValue: false, description: 'no progress or notes on stderr; text output lists findings only' },
    ],
  },
  { name: 'rules', summary: 'list the active rules', positionals: '', minPositionals: 0, maxPositionals: 0, options: [LISTING_FORMAT] },
  { name: 'controls', summary: 'list the guidance controls the rules cite', positionals: '', minPositionals: 0, maxPositionals: 0, options: [LISTING_FORMAT] },
  { name: 'explain', summary: "show a rule's documentation", positionals: 'RULE-ID', minPositionals: 1, maxPositionals: 1, options: [] },
];
