import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/** `cli import` as an analyst runs it: a real process, a real on-disk store (no platform running). */
const run = promisify(execFile);
const FIXTURE = join(import.meta.dirname, '../fixtures/903/valid');
const work = await mkdtemp(join(tmpdir(), 'iro-cli-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'functions/cli/main.ts', ...args], { env: { ...process.env, IRO_DATA_DIR: join(work, 'data') } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli import', () => {
  it('imports a valid folder with progress and row counts (exit 0)', async () => {
    const { code, stdout, stderr } = await cli('import', '--la', '886', '--year-ending', '2025', FIXTURE);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/imported Kent \(886\) 2025: Episodes 8, Header 5, Missing 2, Reviews 6, UASC 1/);
    expect(stderr).toContain('100%');
  });

  it('rejects an invalid folder with row and column, importing nothing (exit 1)', async () => {
    const broken = join(work, 'broken');
    await cp(FIXTURE, broken, { recursive: true });
    const episodes = await readFile(join(broken, 'episodes.csv'), 'utf8');
    await writeFile(join(broken, 'episodes.csv'), episodes.replace('1001,10/01/2022,S,C2', '1001,10/01/2022,Q,C2'));
    const { code, stderr } = await cli('import', '--la', '886', '--year-ending', '2025', broken);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Episodes row 2, RNE: \[/);
    expect(stderr).toContain('nothing was imported');
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli('import', '--la', '999', '--year-ending', '2025', FIXTURE)).code).toBe(2);
    expect((await cli('import', '--la', '886', FIXTURE)).code).toBe(2);
    expect((await cli('nonsense')).code).toBe(2);
  });
});
