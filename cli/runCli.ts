import path from 'node:path';
import { CopydeskError, toErrorInfo } from '../shared/result.js';
import { checkCommand } from './checkCommand.js';
import type { CliOutput } from './cliOutput.js';
import { libraryToUse } from './defaultLibraryDir.js';
import { exportCommand } from './exportCommand.js';
import { importCommand } from './importCommand.js';
import { listCommand } from './listCommand.js';
import { USAGE, type CommandName } from './usage.js';
import { UsageError } from './usageError.js';

export interface CliContext {
  output: CliOutput;
  env: NodeJS.ProcessEnv;
  /** assets/export.css as installed beside the CLI. */
  stylesheetFile: string;
}

const COMMANDS: Record<CommandName, (args: string[], libraryDir: string, context: CliContext) => Promise<number>> = {
  list: (args, libraryDir, { output }) => listCommand(args, libraryDir, output),
  export: (args, libraryDir, { output, stylesheetFile }) => exportCommand(args, libraryDir, output, { stylesheetFile }),
  import: (args, libraryDir, { output }) => importCommand(args, libraryDir, output),
  check: (args, libraryDir, { output }) => checkCommand(args, libraryDir, output),
};

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(COMMANDS, name);

/** Takes --library (and --help) out of a command's arguments, wherever they are. */
function commonOptions(command: CommandName, args: string[]) {
  const rest: string[] = [];
  let library: string | undefined;
  let help = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--library') {
      library = args[++i];
      if (library === undefined || library === '') throw new UsageError(command, '--library needs a folder');
    } else if (arg.startsWith('--library=')) library = arg.slice('--library='.length);
    else rest.push(arg);
  }
  return { rest, library, help };
}

/** Runs one copydesk command line; resolves to the exit status: 0 done, 1 the operation failed, 2 a usage error. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const { output } = context;
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      if (name === undefined) {
        output.err(USAGE.main);
        return 2;
      }
      output.out(isCommand(args[0]) ? USAGE[args[0]] : USAGE.main);
      return 0;
    }
    if (!isCommand(name)) throw new UsageError(null, `unknown command "${name}"`);
    const { rest, library, help } = commonOptions(name, args);
    if (help) {
      output.out(USAGE[name]);
      return 0;
    }
    const libraryDir = library ? path.resolve(library) : await libraryToUse(context.env);
    return await COMMANDS[name](rest, libraryDir, context);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      const command = error instanceof UsageError ? error.command : name;
      const help = command ? `copydesk ${command} --help` : 'copydesk --help';
      output.err(`copydesk${command ? ` ${command}` : ''}: ${(error as Error).message} (see ${help})`);
      return 2;
    }
    output.err(`copydesk: ${toErrorInfo(error).message}`);
    // In a terminal the detail is the user's own: say what failed, paths included.
    if (!(error instanceof CopydeskError)) output.err(`copydesk: detail: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

