import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Api } from './http.js';
import { fields, output } from './output.js';

interface Accepted {
  id: string;
  status: string;
}

const repeated = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function sendCommand(program: Command, api: () => Api) {
  program
    .command('send')
    .description('send an email')
    .requiredOption('--from <address>', 'e.g. "Acme <hello@mail.acme.com>", on a verified domain of the tenant')
    .requiredOption('--to <address>', 'a recipient (repeat for more)', repeated)
    .requiredOption('--subject <subject>', 'the subject')
    .option('--text <text>', 'the plain-text body')
    .option('--html-file <path>', 'a file holding the HTML body')
    .option('--json', 'print the accepted message as JSON')
    .action(async (options: { from: string; to: string[]; subject: string; text?: string; htmlFile?: string; json?: boolean }, command: Command) => {
      if (options.text === undefined && options.htmlFile === undefined) command.error('error: send needs --text <text> or --html-file <path> (or both)');
      const html = options.htmlFile === undefined ? undefined : await readFile(options.htmlFile, 'utf8');
      const accepted = await api()<Accepted>('POST', '/emails', { from: options.from, to: options.to, subject: options.subject, text: options.text, html });
      output(options, accepted, () => fields([['id', accepted.id], ['status', accepted.status]]));
    });
}
