import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../functions/cli/commands/metrics.ts';
import { captureRun } from '../../helpers/capture.ts';

let dir: string;
let bad: string;

const capture = (args: string[]) => captureRun(run, args);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'metrics-cli-'));
  // Two children: A in care since 2022 with a move in Aug 2024 (CARPL); B went home (E4A) in Oct 2024.
  await writeFile(join(dir, 'header.csv'), 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,F,15/06/2012,WBRI,,,\nB2,M,01/02/2010,WBRI,,,\n');
  await writeFile(join(dir, 'episodes.csv'), [
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    'A1,10/01/2022,S,C2,N1,U4,PR1,05/08/2024,X1,CARPL,ME14 1XX,ME15 6YY,SC123456',
    'A1,05/08/2024,P,C2,N1,U4,PR1,,,,ME14 1XX,CT1 2ZZ,SC654321',
    'B2,10/01/2023,S,C2,N1,U4,PR1,01/10/2024,E4A,,ME14 1XX,ME15 6YY,SC123456',
  ].join('\n') + '\n');
  await writeFile(join(dir, 'reviews.csv'), 'CHILD,DOB,REVIEW,REVIEW_CODE\nA1,15/06/2012,01/05/2024,PN1\n');
  bad = await mkdtemp(join(tmpdir(), 'metrics-cli-bad-'));
  await writeFile(join(bad, 'header.csv'), 'CHILD,SEX,DOB\nA1,F,15/06/2012\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(bad, { recursive: true, force: true });
});

describe('metrics CLI', () => {
  it('--json prints the DESIGN §7 shape', async () => {
    const { code, out } = await capture([dir, '--year-ending', '2025', '--json']);
    expect(code).toBe(0);
    const m = JSON.parse(out);
    expect(Object.keys(m)).toEqual([
      'yearEnding', 'asAt', 'cla', 'shortTermStability', 'longTermStability', 'placementMoves', 'reviewTimeliness',
      'participation', 'missing', 'longTermStabilitySameCarer', 'reunification',
      // The §7 keys, then the two further stability measures and the look-back shortfall, appended.
      'twoYearStability', 'socialWorkerChanges', 'historyShortfall',
    ]);
    expect(m.cla).toEqual({ count: 1, duringYear: 2 });
    expect(m.placementMoves.total).toBe(1);
    expect(m.placementMoves.reasons.CARPL).toBe(1);
    expect(m.reunification).toMatchObject({ episodes: 1, children: 1, censoredAt: '2025-03-31' });
    // No episode ends before 1 April 2024: the files are an in-year return reaching back to then. A1's period began
    // in January 2022 (its S episode is here, so long-term stability is known), but its first review here (May
    // 2024) may not be its first, and its two years from 1 April 2023 begin before the files do.
    expect(m.historyShortfall).toEqual({ storedFrom: '2024-04-01', longTermStability: 0, reviewSequence: 1, twoYearStability: 1 });
    expect(m.socialWorkerChanges).toBeNull();
  });

  it('--as-at moves the as-at date (B2 still looked after on 30/09/2024)', async () => {
    const { code, out } = await capture([dir, '--year-ending', '2025', '--as-at', '30/09/2024', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ asAt: '2024-09-30', cla: { count: 2, duringYear: 2 } });
  });

  it('prints a readable table by default', async () => {
    const { code, out } = await capture([dir, '--year-ending', '2025']);
    expect(code).toBe(0);
    expect(out).toContain('Children looked after on the as-at date');
    expect(out).toContain('CARPL');
    expect(out).toContain('History: these files reach back to 01/04/2024.');
    expect(out).toMatch(/5\. review sequence \(reviews in the year\)\s+1\n/);
    expect(out).toContain('no SWEpisodes in these files');
  });

  it('exit 1 when the folder does not validate, 2 on usage errors', async () => {
    expect((await capture([bad, '--year-ending', '2025'])).code).toBe(1);
    expect((await capture([dir])).code).toBe(2);
    expect((await capture([dir, '--year-ending', '2025', '--as-at', '31/02/2025'])).code).toBe(2);
    expect((await capture([dir, '--year-ending', '2025', '--as-at', '31/03/2024'])).code).toBe(2);
    expect((await capture([join(dir, 'nope'), '--year-ending', '2025'])).code).toBe(2);
    expect((await capture([dir, '--year-ending', '2025', '--bogus', 'x'])).code).toBe(2);
  });
});
