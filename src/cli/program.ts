import { Command, CommanderError } from 'commander';
import { loadCliConfig } from '../platform/config.js';
import { domainCommands } from './domains.js';
import { apiClient, CliError } from './http.js';
import { environmentOption, keyCommands } from './keys.js';
import { sendCommand } from './send.js';
import { tenantCommands } from './tenants.js';
import { usageCommand } from './usage.js';

/** Bad flags and arguments (commander's usage errors) exit 2; a failed call exits 1. */
const usageExitCode = 2;


// The database commands load the database modules (pg, kysely) only when they run.
const database = () => import('./database.js');

export function buildProgram(): Command {
  const program = new Command('sendoka')
    .description('Sendoka from the command line')
    // Errors are thrown back to runCli (which picks the exit code) instead of exiting the process there.
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nmigrate, orgs create and keys create --org work on the database (DATABASE_URL); the other commands call the\n' +
        'API at SENDOKA_API_URL (default http://127.0.0.1:3000) with the key in SENDOKA_API_KEY.',
    );
  // Read when a command calls the API: --help and the database commands need no API settings.
  const api = () => apiClient(loadCliConfig());

  program
    .command('migrate')
    .description('create the database if missing and run the migrations')
    .action(async () => (await database()).migrate());

  program
    .command('orgs')
    .description('orgs (on the database)')
    .command('create')
    .description('create an org and its first platform-root key')
    .argument('<name...>', "the org's name")
    .option('--name <name>', "the key's name", 'Platform root')
    .addOption(environmentOption())
    .option('--json', 'print the org and its key as JSON')
    .action(async (name: string[], options: { name: string; environment: 'live' | 'test'; json?: boolean }) =>
      (await database()).createOrgWithRootKey(name.join(' '), options),
    );

  tenantCommands(program, api);
  keyCommands(program, api);
  domainCommands(program, api);
  sendCommand(program, api);
  usageCommand(program, api);
  return program;
}

/** Runs the CLI on `argv` (process.argv's shape) and answers its exit code; errors go to stderr. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander has printed the usage error (or the help) itself.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : usageExitCode;
    if (error instanceof CliError) console.error(`error: ${error.code}: ${error.message}`);
    else console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
