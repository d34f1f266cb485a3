// Child output for a human: each line prefixed with the service's name, pino JSON shown as level + msg.
const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLOURS = [36, 35, 33, 32, 34, 96, 95, 93];
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'v']);

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const colourOf = new Map<string, number>();

export function paint(text: string, code: number): string {
  return useColour ? `\x1b[${code}m${text}\x1b[0m` : text;
}

function prefix(name: string): string {
  if (!colourOf.has(name)) colourOf.set(name, COLOURS[colourOf.size % COLOURS.length]);
  return paint(`[${name}]`.padEnd(16), colourOf.get(name)!);
}

/** One output line of a service, ready to print: pino JSON becomes `LEVEL msg {other fields}`. */
export function formatLine(service: string, line: string): string {
  let text = line;
  if (line.startsWith('{')) {
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const level = LEVELS[Number(entry.level)] ?? String(entry.level ?? '');
      const from = entry.name && entry.name !== service ? `(${String(entry.name)}) ` : '';
      const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => !HIDDEN.has(key)));
      const err = rest.err as { stack?: string } | undefined;
      if (err?.stack) delete rest.err;
      const fields = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
      const tag = level.padEnd(5);
      const painted = Number(entry.level) >= 50 ? paint(tag, 31) : Number(entry.level) >= 40 ? paint(tag, 33) : tag;
      text = `${painted} ${from}${String(entry.msg ?? '')}${fields}${err?.stack ? `\n${err.stack}` : ''}`;
    } catch {
      // not JSON after all: print as it came
    }
  }
  return text
    .split('\n')
    .map((part) => `${prefix(service)} ${part}`)
    .join('\n');
}

/** The launcher's own messages. */
export function say(message: string): void {
  process.stdout.write(`${formatLine('start', message)}\n`);
}
