import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../shared/data/create-table.ts';
import { DEFAULT_TABLE_NAME } from '../../shared/data/table-schema.ts';

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

  it('refuses a folder that would empty a stored table, unless --replace-with-empty names it (exit 1, then 0)', async () => {
    // The first test stored the fixture for Kent 2025, with 6 reviews.
    const emptied = join(work, 'emptied');
    await cp(FIXTURE, emptied, { recursive: true });
    await writeFile(join(emptied, 'reviews.csv'), 'CHILD,DOB,REVIEW,REVIEW_CODE\n');
    const refused = await cli('import', '--la', '886', '--year-ending', '2025', emptied);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Reviews (6 rows; sent with its header only)');
    const asked = await cli('import', '--la', '886', '--year-ending', '2025', '--replace-with-empty', 'Reviews', emptied);
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stdout).toMatch(/Reviews 0/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli('import', '--la', '999', '--year-ending', '2025', FIXTURE)).code).toBe(2);
    expect((await cli('import', '--la', '886', FIXTURE)).code).toBe(2);
    expect((await cli('nonsense')).code).toBe(2);
    expect((await cli('import', '--la', '886', '--year-ending', '2025', '--replace-with-empty', 'Reveiws', FIXTURE)).stderr).toContain('got "Reveiws"');
  });
});

/** The store of a running platform, in its own process so that it can die as `npm start` does. */
const STORE_PROCESS = "const d = require('dynalite')({ createTableMs: 0 }); d.listen(0, '127.0.0.1', () => console.log(d.address().port));";

describe('cli import when the platform stops mid-import', () => {
  it('prints one clear line, no stack, and exits 1', async () => {
    // A running "npm start" as the CLI finds it: its endpoints file (this test process stands for its pid) and its dynalite.
    const dataDir = join(work, 'running');
    await mkdir(dataDir, { recursive: true });
    const store = spawn(process.execPath, ['-e', STORE_PROCESS]);
    const [port] = (await once(store.stdout, 'data')) as [Buffer];
    const endpoint = `http://127.0.0.1:${port.toString().trim()}`;
    await ensureTable(endpoint, DEFAULT_TABLE_NAME);
    await writeFile(join(dataDir, 'endpoints.json'), JSON.stringify({ dynamodb: endpoint, sqs: 'http://127.0.0.1:9', planQueueUrl: 'http://127.0.0.1:9/q', pid: process.pid }));
    // 4,000 extra children (header rows only) so the write takes long enough to stop the store in the middle of it.
    const big = join(work, 'big');
    await cp(FIXTURE, big, { recursive: true });
    const header = await readFile(join(big, 'header.csv'), 'utf8');
    await writeFile(join(big, 'header.csv'), `${header.trimEnd()}\n${Array.from({ length: 4000 }, (_, i) => `X${i},M,01/01/2010,WBRI,,,`).join('\n')}\n`);

    const child = spawn('npx', ['tsx', 'functions/cli/main.ts', 'import', '--la', '886', '--year-ending', '2025', big], { env: { ...process.env, IRO_DATA_DIR: dataDir } });
    let stderr = '';
    let stopped = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The first progress line: the version is being written. Stop the platform's store now.
      if (!stopped && stderr.includes('importing')) {
        stopped = true;
        store.kill('SIGKILL');
      }
    });
    const [code] = (await once(child, 'exit')) as [number];
    store.kill();
    expect(stopped).toBe(true);
    expect(code, stderr).toBe(1);
    const lines = stderr.trimEnd().split('\n').filter((l) => !/^importing /.test(l));
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^import: the local store stopped answering/);
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
