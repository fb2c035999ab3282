import { join } from 'node:path';

/** Where `npm start` keeps local state (dynalite files, the dev issuer's key pair); git-ignored. */
export const DATA_DIR = process.env.IRO_DATA_DIR ?? '.data';
export const DEV_ISSUER_FILE_NAME = 'dev-issuer.json';
export const DEV_ISSUER_FILE = join(DATA_DIR, DEV_ISSUER_FILE_NAME);
/** The pages' session-cookie key, kept so a restart does not sign everyone out. */
export const SESSION_KEY_FILE_NAME = 'session-key';
