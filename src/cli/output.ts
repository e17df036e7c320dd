/** Every command's `--json`: its result alone on stdout, as JSON; otherwise the lines a person reads. */
export function output(options: { json?: boolean }, value: unknown, human: () => string) {
  console.log(options.json ? JSON.stringify(value, null, 2) : human());
}

type Cell = string | number | boolean | null | undefined;

const show = (cell: Cell) => (cell === null || cell === undefined || cell === '' ? '-' : String(cell));

/** Columns padded to their widest cell; the last one is not padded. */
export function table(headers: string[], rows: Cell[][]): string {
  const lines = [headers, ...rows.map((row) => row.map(show))];
  const widths = headers.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  return lines.map((line) => line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n');
}

/** One `name  value` line per field, names aligned. */
export function fields(entries: [string, Cell][]): string {
  const width = Math.max(...entries.map(([name]) => name.length));
  return entries.map(([name, value]) => `${name.padEnd(width)}  ${show(value)}`).join('\n');
}

/**
 * A status line on stderr (stdout keeps only the result): redrawn in place on a terminal, one line per change
 * otherwise, so a log shows how it went.
 */
export function statusLine(stream: NodeJS.WriteStream = process.stderr) {
  let last = '';
  return {
    update(text: string) {
      if (text === last) return;
      last = text;
      if (!stream.isTTY) {
        stream.write(`${text}\n`);
        return;
      }
      stream.cursorTo(0);
      stream.write(text);
      stream.clearLine(1);
    },
    end() {
      if (stream.isTTY && last) stream.write('\n');
    },
  };
}
