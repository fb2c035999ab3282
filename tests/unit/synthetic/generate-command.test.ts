import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../../functions/cli/commands/generate.ts';
import { generateLaReturns } from '../../../shared/synthetic/generate-la.ts';
import { LOCAL_AUTHORITIES } from '../../../shared/domain/tenancy/local-authorities.ts';

const work = await mkdtemp(join(tmpdir(), 'iro-generate-'));
afterAll(() => rm(work, { recursive: true, force: true }));

function quiet() {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return {
    text: () => [out.mock.calls.map((c) => String(c[0])).join(''), err.mock.calls.map((c) => String(c[0])).join('')] as const,
    restore: () => { out.mockRestore(); err.mockRestore(); },
  };
}

describe('cli generate', () => {
  it('writes DIR/<la>/<year>/<table>.csv for the first N LAs and five years, with a summary', async () => {
    const dir = join(work, 'two');
    const io = quiet();
    const code = await run(['--out', dir, '--las', '2', '--seed', '9', '--year-ending', '2024']);
    const [stdout, stderr] = io.text();
    io.restore();
    expect(code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['201', '202']);
    expect((await readdir(join(dir, '202'))).sort()).toEqual(['2020', '2021', '2022', '2023', '2024']);
    expect((await readdir(join(dir, '202', '2024'))).sort()).toEqual([
      'AD1.csv', 'Episodes.csv', 'Header.csv', 'Missing.csv', 'OC2.csv', 'OC3.csv', 'PlacedAdoption.csv', 'PrevPerm.csv',
      'Reviews.csv', 'SWEpisodes.csv', 'UASC.csv',
    ]);
    const camden = generateLaReturns(LOCAL_AUTHORITIES[1]!, { seed: 9, yearsEnding: [2020, 2021, 2022, 2023, 2024] });
    expect(await readFile(join(dir, '202', '2023', 'Episodes.csv'), 'utf8')).toBe(camden.get(2023)!.get('Episodes'));
    expect(stderr).toContain('202 Camden');
    expect(stdout).toMatch(/Generated 2 LAs/);
    expect(stdout).toMatch(/rows: \d+/);
    expect(stdout).toMatch(/seconds: /);
  });

  it.each([
    [[]],
    [['--out']],
    [['--out', join(work, 'x'), '--las', '0']],
    [['--out', join(work, 'x'), '--las', '154']],
    [['--out', join(work, 'x'), '--seed', 'abc']],
    [['--out', join(work, 'x'), '--colour', 'red']],
    [['--out', join(work, 'x'), '--year-ending', '1990']],
  ])('exits 2 on a usage error (%j)', async (args) => {
    const io = quiet();
    const code = await run(args);
    const [, stderr] = io.text();
    io.restore();
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run cli -- generate');
  });
});
