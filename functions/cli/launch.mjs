/** `npm run cli -- <command>`: the bundled CLI (see bundle.mjs), rebuilt first when its sources changed. */
import { ensureCliBundle } from './bundle.mjs';

await import(await ensureCliBundle());
