/**
 * `npm run cli -- <command> [args]` (DESIGN.md §7). Each command lives in ./commands/<name>.ts and exports
 * `run(args): Promise<number>` returning the exit code; loaded lazily so `validate` never loads the AWS SDK.
 */
const COMMANDS = {
  validate: 'validate DIR [--year-ending YYYY] [--previous PREVDIR] [--json] [--limit N] [--csv FILE]',
  metrics: 'metrics DIR --year-ending YYYY [--as-at DD/MM/YYYY] [--json]',
  import: 'import --la CODE --year-ending YYYY DIR',
  generate: 'generate --out DIR [--seed N] [--las N]',
  token: 'token --role ROLE [--tenant CODE] [--region NAME]',
} as const;

type CommandName = keyof typeof COMMANDS;

// The SDK warns on Node 20 that releases after January 2027 need Node 22; our versions are pinned (README).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function usage(): string {
  return ['usage: npm run cli -- <command>', ...Object.values(COMMANDS).map((u) => `  ${u}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || !(name in COMMANDS)) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  const command = (await import(`./commands/${name as CommandName}.ts`)) as { run(args: string[]): Promise<number> };
  return command.run(args);
}

process.exitCode = await main(process.argv.slice(2));
