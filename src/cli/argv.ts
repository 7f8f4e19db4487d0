/**
 * A small argv parser: `--name value`, `--name=value`, boolean flags, repeatable options, `--` to
 * end options, and one leading command word. Anything it does not know is a usage error, so a typo
 * such as `--fail-on=eror` stops the run instead of silently using a default.
 */

export interface OptionSpec {
  name: string;
  /** A flag takes no value; a value option takes exactly one. */
  takesValue: boolean;
  repeatable?: boolean;
  choices?: readonly string[];
  /** Shown by --help, e.g. `FILE`. */
  valueName?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Shown by --help, e.g. `[PATH...]`. */
  positionals: string;
  minPositionals: number;
  maxPositionals: number;
  options: OptionSpec[];
}

export interface ParsedCommandLine {
  command: string | undefined;
  positionals: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

export class UsageError extends Error {}

function findOption(specs: readonly OptionSpec[], name: string): OptionSpec | undefined {
  return specs.find((spec) => spec.name === name);
}

function recordValue(parsed: ParsedCommandLine, spec: OptionSpec, value: string): void {
  if (spec.choices && !spec.choices.includes(value)) {
    throw new UsageError(`--${spec.name} must be one of ${spec.choices.join(', ')} (got "${value}")`);
  }
  const existing = parsed.values.get(spec.name);
  if (existing && !spec.repeatable) throw new UsageError(`--${spec.name} is given more than once`);
  parsed.values.set(spec.name, [...(existing ?? []), value]);
}

/**
 * Options before the command word may only be global ones; after it, the command's own options
 * are known too.
 */
export function parseCommandLine(
  argv: readonly string[],
  globalOptions: readonly OptionSpec[],
  commands: readonly CommandSpec[],
): ParsedCommandLine {
  const parsed: ParsedCommandLine = { command: undefined, positionals: [], values: new Map(), flags: new Set() };
  let commandSpec: CommandSpec | undefined;
  let optionsEnded = false;
  const known = () => [...globalOptions, ...(commandSpec?.options ?? [])];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      if (parsed.command === undefined) {
        commandSpec = commands.find((c) => c.name === arg);
        if (!commandSpec) throw new UsageError(`unknown command "${arg}" (commands: ${commands.map((c) => c.name).join(', ')})`);
        parsed.command = arg;
      } else {
        parsed.positionals.push(arg);
      }
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option "${arg}" (options are spelled --name)`);
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals >= 0 ? equals : undefined);
    const spec = findOption(known(), name);
    if (!spec) {
      const where = commandSpec ? `for "${commandSpec.name}"` : 'before the command';
      throw new UsageError(`unknown option --${name} ${where}`);
    }
    if (!spec.takesValue) {
      if (equals >= 0) throw new UsageError(`--${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    let value: string;
    if (equals >= 0) {
      value = arg.slice(equals + 1);
    } else {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value${spec.valueName ? ` (${spec.valueName})` : ''}`);
      value = argv[++i];
    }
    if (value === '') throw new UsageError(`--${name} needs a non-empty value`);
    recordValue(parsed, spec, value);
  }

  if (commandSpec) {
    const count = parsed.positionals.length;
    if (count < commandSpec.minPositionals) {
      throw new UsageError(`"${commandSpec.name}" needs ${commandSpec.positionals}`);
    }
    if (count > commandSpec.maxPositionals) {
      throw new UsageError(`"${commandSpec.name}" takes ${commandSpec.maxPositionals === 0 ? 'no arguments' : commandSpec.positionals} (got ${parsed.positionals.join(' ')})`);
    }
  }
  return parsed;
}

export function singleValue(parsed: ParsedCommandLine, name: string): string | undefined {
  return parsed.values.get(name)?.[0];
}
