/**
 * Issue 4: parse + validate vs raw csv-parse, on the national synthetic return of one year (every LA).
 * Raw = `csv-parse/sync` parse() of each file's bytes (no options but relax_column_count, as parse903Files
 * uses). Ours = parse903Files (decode, header recognition, column checks, blank-row handling) followed by
 * validate903Upload (every rule module, no previous year). Per LA, the two are timed back to back so load
 * noise hits both alike. Target: ours within 2x of raw.
 */
import './env.ts';
import { parse } from 'csv-parse/sync';
import { parse903Files } from '../../shared/domain/ssda903/parse.ts';
import { validate903Upload } from '../../shared/domain/ssda903/validate/index.ts';
import { type Bench, type Figure, YEAR, figure, fmtInt, fmtMB, fmtMs, largestLa, nationalReturns, profileTop } from './lib.ts';

const NAME = 'parse';

function rawParse(files: { bytes: Uint8Array }[]): number {
  let records = 0;
  for (const f of files) {
    const out = parse(Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength), { relax_column_count: true }) as unknown[];
    records += out.length - 1; // minus the header row
  }
  return records;
}

export const bench: Bench = {
  name: NAME,
  title: 'Parse + validate vs raw csv-parse (national, one year)',
  async run(ctx) {
    const { returns, generateMs } = nationalReturns(YEAR);
    const bytes = returns.reduce((n, r) => n + r.bytes, 0);
    ctx.log(`generated ${returns.length} LA returns for ${YEAR} in ${fmtMs(generateMs)} (${fmtMB(bytes)} of CSV)`);

    // Warm-up on the largest LA so JIT tiers up before the timed pass.
    const big = returns.find((r) => r.la.code === largestLa().la.code)!;
    for (let i = 0; i < 2; i++) {
      rawParse(big.files);
      validate903Upload(parse903Files(big.files), { yearEnding: YEAR });
    }

    if (ctx.options.profile) {
      const top = await profileTop(() => { for (let i = 0; i < 5; i++) validate903Upload(parse903Files(big.files), { yearEnding: YEAR }); });
      ctx.log(`profile (self time, parse903Files + validate903Upload of ${big.la.name} × 5):`);
      for (const line of top) ctx.log(`  ${line}`);
    }

    let rawMs = 0, parseMs = 0, validateMs = 0, rows = 0, rawRows = 0, invalid = 0;
    for (const r of returns) {
      let t = performance.now();
      rawRows += rawParse(r.files);
      rawMs += performance.now() - t;
      t = performance.now();
      const parsed = parse903Files(r.files);
      parseMs += performance.now() - t;
      t = performance.now();
      const report = validate903Upload(parsed, { yearEnding: YEAR });
      validateMs += performance.now() - t;
      rows += parsed.tables.reduce((n, tb) => n + tb.rows.length, 0);
      if (!report.valid) invalid++;
    }
    const oursMs = parseMs + validateMs;
    const ratio = oursMs / rawMs;
    ctx.log(`rows: ${fmtInt(rows)} (raw records ${fmtInt(rawRows)}), ${invalid} LA returns invalid`);
    ctx.log(`raw ${fmtMs(rawMs)}, parse903Files ${fmtMs(parseMs)}, validate903Upload ${fmtMs(validateMs)}`);

    const out: Figure[] = [
      figure(NAME, `national ${YEAR}: rows (${returns.length} LAs, ${fmtMB(bytes)})`, fmtInt(rows), invalid ? { note: `${invalid} LA returns did not validate` } : {}),
      figure(NAME, 'raw csv-parse parse()', `${fmtInt(rawRows / (rawMs / 1000))} rows/s (${fmtMs(rawMs)})`),
      figure(NAME, 'parse903Files alone', `${fmtInt(rows / (parseMs / 1000))} rows/s (${fmtMs(parseMs)})`),
      figure(NAME, 'parse903Files + validate903Upload', `${fmtInt(rows / (oursMs / 1000))} rows/s (${fmtMs(oursMs)})`),
      figure(NAME, 'ours / raw time', `${ratio.toFixed(2)}×`, { target: '≤ 2×', met: ratio <= 2 }),
    ];
    return out;
  },
};
