/** Minimal flag parsing for the CLI: `--name value`, boolean `--flag`, and positionals. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseArgs(args: string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (booleanFlags.includes(name)) {
      flags.set(name, true);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
    i++;
  }
  return { flags, positionals };
}

export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function intFlag(parsed: ParsedArgs, name: string): number | undefined {
  const value = stringFlag(parsed, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

export function rejectUnknownFlags(parsed: ParsedArgs, allowed: readonly string[]): void {
  for (const name of parsed.flags.keys()) if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
}

/** `--year-ending YYYY`: a collection year, named by the year it ends (2025 = 2024-25). */
export function yearEndingFlag(parsed: ParsedArgs, required: true): number;
export function yearEndingFlag(parsed: ParsedArgs, required?: false): number | undefined;
export function yearEndingFlag(parsed: ParsedArgs, required = false): number | undefined {
  const year = intFlag(parsed, 'year-ending');
  if (year === undefined) {
    if (required) throw new UsageError('--year-ending YYYY is required (2025 = 2024-25)');
    return undefined;
  }
  if (year < 2000 || year > 2100) throw new UsageError(`--year-ending ${year} is not a collection year`);
  return year;
}

/** The one DIR positional, which must be an existing folder. */
export async function folderArg(parsed: ParsedArgs): Promise<string> {
  if (parsed.positionals.length !== 1) throw new UsageError('give exactly one DIR');
  return existingFolder(parsed.positionals[0]!);
}

/** `--name DIR`, which must be an existing folder when given. */
export async function folderFlag(parsed: ParsedArgs, name: string): Promise<string | undefined> {
  const dir = stringFlag(parsed, name);
  return dir === undefined ? undefined : existingFolder(dir, `--${name} `);
}

async function existingFolder(dir: string, label = ''): Promise<string> {
  const { stat } = await import('node:fs/promises');
  const s = await stat(dir).catch(() => null);
  if (!s?.isDirectory()) throw new UsageError(`${label}${dir} is not a folder`);
  return dir;
}

/** A command's catch for argument parsing: a UsageError prints the message and the usage, exit 2; anything else is a bug. */
export function usageFailure(error: unknown, usage: string): 2 {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\n${usage}\n`);
  return 2;
}
