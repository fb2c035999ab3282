import type { Context } from 'hono';
import type { FC } from 'hono/jsx';
import { toCsv } from '../../../shared/domain/csv.ts';

/**
 * Every table on a page can be downloaded as CSV from the same page address with `?csv=<table id>`: the same
 * handler, the same scoped data and the same disclosure control make both, so a download never shows more than the
 * page (a suppressed cell is `c` in both). Cells go through shared/domain/csv.ts (no spreadsheet formulas).
 */
export const CSV_PARAM = 'csv';

/** The table id a request asks to download, if any. */
export const csvRequested = (c: Context): string | undefined => c.req.query(CSV_PARAM) || undefined;

export function csvResponse(c: Context, filename: string, header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): Response {
  const safe = filename.replace(/[^\w.-]+/g, '-');
  return c.body(toCsv(header, rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${safe}.csv"`,
    'cache-control': 'no-store',
  });
}

/** The download link under a table: the current address with `?csv=<table>` added. */
export const CsvLink: FC<{ c: Context; table: string; label?: string }> = ({ c, table, label }) => {
  const url = new URL(c.req.url);
  url.searchParams.set(CSV_PARAM, table);
  return <p class="govuk-body-s app-no-print"><a class="govuk-link" href={`${url.pathname}${url.search}`} download>{label ?? 'Download this table as CSV'}</a></p>;
};
