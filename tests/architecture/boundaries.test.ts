import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layout is a contract: these checks fail the build when a change crosses a boundary. */
const ROOT = join(import.meta.dirname, '../..');

async function sources(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const full = join(entry.parentPath, entry.name);
    out.push({ path: relative(ROOT, full), text: await readFile(full, 'utf8') });
  }
  return out;
}

const importsOf = (text: string) => [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

/** Relative imports of a file, resolved to repo paths (type-only imports included: a cycle of types is still a knot). */
function localImports(path: string, text: string): string[] {
  return importsOf(text).filter((spec) => spec.startsWith('.')).map((spec) => relative(ROOT, join(ROOT, path, '..', spec)));
}

describe('architecture', () => {
  it('no import cycles in shared/, functions/ or infra/', async () => {
    const files = [...await sources('shared'), ...await sources('functions'), ...await sources('infra')];
    const graph = new Map(files.map(({ path, text }) => [path, localImports(path, text)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('layers point one way: shared/data never imports shared/platform or functions/', async () => {
    const offenders = (await sources('shared/data')).flatMap(({ path, text }) =>
      localImports(path, text).filter((target) => target.startsWith('shared/platform/') || target.startsWith('functions/')).map((t) => `${path} imports ${t}`));
    expect(offenders).toEqual([]);
  });

  it('shared/domain is pure: no AWS SDK, Hono, Powertools, node I/O or process.env', async () => {
    const offenders: string[] = [];
    for (const { path, text } of await sources('shared/domain')) {
      // The bank-holiday SOURCE is a development-time generator (not bundled); its output is plain data.
      if (path.endsWith('bank-holidays-source.ts')) continue;
      for (const spec of importsOf(text)) {
        if (/^(@aws-sdk|@aws-lambda-powertools|hono|@hono|node:fs|node:http|node:net|fs|http)/.test(spec)) offenders.push(`${path} imports ${spec}`);
        if (/\/(data|platform|imports)\//.test(spec) && spec.startsWith('..')) offenders.push(`${path} imports ${spec}`);
      }
      if (/process\.env/.test(text)) offenders.push(`${path} reads process.env`);
    }
    expect(offenders).toEqual([]);
  });

  it('only shared/data/keys.ts writes partition-key or sort-key prefixes (infra builds IAM LeadingKeys from it too)', async () => {
    const offenders: string[] = [];
    const files = [...await sources('shared'), ...await sources('functions'), ...await sources('infra')];
    for (const { path, text } of files) {
      if (path === 'shared/data/keys.ts') continue;
      const code = text.split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join('\n');
      if (/[`'"](TENANT|REGION|NATIONAL|REGISTRY|JOBS|SNAPSHOTS)#/.test(code)) offenders.push(`${path}: partition key`);
      if (/[`'"](NATIONAL|REGISTRY|JOBS)[`'"]/.test(code)) offenders.push(`${path}: partition key`);
      if (/[`'"](DATASET|VERSION|CHILD|RAW|SNAPSHOT|OVERDUE|LA|RUN)#/.test(code)) offenders.push(`${path}: sort key`);
    }
    expect(offenders).toEqual([]);
  });

  it('routes never read a tenant, region or LA from the path, query or body', async () => {
    const offenders: string[] = [];
    for (const { path, text } of await sources('functions/api')) {
      if (/req\.(param|query)\(\s*['"](tenant|la|region)['"]/.test(text)) offenders.push(path);
      // Scopes come from the verified principal through middleware/auth.ts only; the one exception is the public
      // Rate My Review token, which names its LA beside a 128-bit secret (its reasoning is in feedback-token.ts).
      if (!path.endsWith('middleware/auth.ts') && !path.endsWith('routes/feedback-token.ts') && /\b(tenantScope|regionScope)\(/.test(text)) offenders.push(path);
    }
    expect(offenders).toEqual([]);
  });

  it('ScopedTable has no scan', async () => {
    const text = await readFile(join(ROOT, 'shared/data/scoped-table.ts'), 'utf8');
    expect(text).not.toMatch(/ScanCommand|\bscan\(/);
  });
});
