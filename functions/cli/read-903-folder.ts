/**
 * Reads every *.csv and *.xml file of a folder (not its subfolders) as an upload, and parses them as 903 tables
 * (the parser tells CSV from XML by content; the extension only picks which files of the folder to read).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse903Files, type ParsedUpload, type UploadedFile } from '../../shared/domain/ssda903/parse.ts';

export async function read903Files(dir: string): Promise<UploadedFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && /\.(csv|xml)$/i.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(dir, name))) })));
}

export async function load903Folder(dir: string): Promise<ParsedUpload> {
  return parse903Files(await read903Files(dir));
}
