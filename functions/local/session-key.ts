import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SessionCookies } from '../api/web/session.ts';

/** The local session key: kept in `file` (made at first start, mode 600), or a throwaway one for tests. */
export async function loadSessionKey(file?: string): Promise<Uint8Array> {
  if (!file) return SessionCookies.newKey();
  try {
    const stored = Buffer.from(await readFile(file, 'utf8'), 'base64url');
    if (stored.byteLength === 32) return new Uint8Array(stored);
  } catch {
    // first start: make one below
  }
  const key = SessionCookies.newKey();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(key).toString('base64url'), { mode: 0o600 });
  return key;
}
