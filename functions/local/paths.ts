import { join } from 'node:path';

/** Where `npm start` keeps local state (dynalite files, the dev issuer's key pair); git-ignored. */
export const DATA_DIR = process.env.IRO_DATA_DIR ?? '.data';
export const DEV_ISSUER_FILE_NAME = 'dev-issuer.json';
export const DEV_ISSUER_FILE = join(DATA_DIR, DEV_ISSUER_FILE_NAME);
