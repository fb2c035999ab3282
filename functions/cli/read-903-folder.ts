/** Reads every *.csv file of a folder (not its subfolders) and parses them as 903 tables. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse903Files, type ParsedUpload } from '../../shared/domain/ssda903/parse.ts';

export async function load903Folder(dir: string): Promise<ParsedUpload> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.csv'))
    .map((e) => e.name)
    .sort();
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })));
  return parse903Files(files);
}
