/** Dispatches a command line to its command and maps every outcome to an exit code. */
import type { Engine, EngineOptions } from '../core/engine/api';
import type { Catalog } from '../core/catalog';
import { parseCommandLine, singleValue, UsageError } from './argv';
import { explainRule, listControls, listRules } from './commands/listings';
import { runScan } from './commands/scan';
import { COMMANDS, GLOBAL_OPTIONS } from './commands/spec';
import { EXIT_ERROR, EXIT_OK } from './exit-codes';
import { helpText } from './help';
import type { CliIo } from './io';
import { NodeFileHost } from './node-host';
import { TOOL_NAME, toolVersion } from './tool-info';

/** The engine and catalog, passed in so tests can run every command against small fakes. */
export interface CliDependencies {
  createEngine(options: EngineOptions): Engine;
  catalog(): Catalog;
}

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDependencies): Promise<number> {
  try {
    const parsed = parseCommandLine(argv, GLOBAL_OPTIONS, COMMANDS);
    if (parsed.flags.has('version')) {
      io.stdout.write(`${toolVersion()}\n`);
      return EXIT_OK;
    }
    if (parsed.flags.has('help')) {
      io.stdout.write(helpText(parsed.command));
      return EXIT_OK;
    }
    const listingFormat = (singleValue(parsed, 'format') ?? 'text') as 'text' | 'json';
    switch (parsed.command) {
      case 'scan':
        return await runScan(parsed, io, deps);
      case 'rules':
        io.stdout.write(listRules(deps.createEngine({ host: new NodeFileHost(io.cwd) }).rules, listingFormat));
        return EXIT_OK;
      case 'controls':
        io.stdout.write(listControls(deps.catalog(), listingFormat));
        return EXIT_OK;
      case 'explain':
        io.stdout.write(explainRule(parsed.positionals[0], deps.createEngine({ host: new NodeFileHost(io.cwd) }).rules, deps.catalog()));
        return EXIT_OK;
      default:
        io.stderr.write(helpText());
        return EXIT_ERROR;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${TOOL_NAME}: ${error.message}\nRun "${TOOL_NAME} --help" for usage.\n`);
      return EXIT_ERROR;
    }
    io.stderr.write(`${TOOL_NAME}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_ERROR;
  }
}
