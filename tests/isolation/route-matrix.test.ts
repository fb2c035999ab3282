import { beforeAll, describe, expect, it } from 'vitest';
import { routeTable, type RouteEntry } from '../../functions/api/app.ts';
import type { TokenClaims } from '../../functions/local/dev-issuer.ts';
import { CAPABILITIES, holds } from '../../shared/platform/auth/capabilities.ts';
import { ROLES, type Role } from '../../shared/platform/auth/principal.ts';
import { dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * Issue 9: the route × role × foreign-tenant matrix, built from the app's own route table (its OpenAPI document),
 * so a new route is attacked without anyone writing a test for it. Kent (886) and Medway (887) are seeded with
 * child ids that never overlap (K…, M…); every attack has a positive control showing the data is there.
 */
const ctx = usePlatform();
const YEAR = 2025;
const OWN = '886';
const FOREIGN = '887';

const CALLER: Record<Role, TokenClaims> = {
  iro: { role: 'iro', tenant: OWN },
  iro_manager: { role: 'iro_manager', tenant: OWN },
  regional_chair: { role: 'regional_chair', region: 'South East' },
  national: { role: 'national' },
  platform_admin: { role: 'platform_admin' },
};
const FOREIGN_MANAGER: TokenClaims = { role: 'iro_manager', tenant: FOREIGN };

/** A sample for each path parameter: the attacker's own record and the victim LA's. A new parameter name fails here. */
const PARAMS: Record<string, { own: string; foreign: string }> = {
  child: { own: 'K001', foreign: 'M001' },
  iro: { own: 'iro-K', foreign: 'iro-M' },
  review: { own: 'review-K', foreign: 'review-M' },
  decision: { own: 'decision-K', foreign: 'decision-M' },
  dispute: { own: 'dispute-K', foreign: 'dispute-M' },
};

type Route = RouteEntry;

/** The route table, read from the app itself. */
const ROUTES = routeTable();
const SECURED = ROUTES.filter((r) => r.capability);
const TENANT_ROUTES = SECURED.filter((r) => CAPABILITIES[r.capability!].scope === 'tenant');

function sample(name: string, which: 'own' | 'foreign'): string {
  const found = PARAMS[name];
  if (!found) throw new Error(`no sample for parameter ${name}: add one to PARAMS`);
  return found[which];
}

/** The route's path with its path parameters and required query parameters filled in. */
function concrete(route: Route, which: 'own' | 'foreign'): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => sample(name, which));
  const query = route.requiredQuery.map((name) => `${name}=${sample(name, which)}`).join('&');
  return query ? `${path}?${query}` : path;
}

const withQuery = (path: string, extra: string) => `${path}${path.includes('?') ? '&' : '?'}${extra}`;

async function call(route: Route, claims: TokenClaims | null, path = concrete(route, 'own'), init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  const withBody = route.method !== 'GET' && route.method !== 'HEAD';
  if (withBody) headers.set('content-type', 'application/json');
  const res = await ctx.get(path, claims, { method: route.method, headers, ...(withBody && { body: '{}' }), ...init });
  const text = await res.text();
  return { status: res.status, text, type: res.headers.get('content-type') };
}

/** One practice record of each kind for the LA's children `<prefix>001` and `<prefix>002`, through the API. */
async function seedPractice(prefix: 'K' | 'M', manager: TokenClaims, iroSub: string) {
  const [a, b] = [`${prefix}001`, `${prefix}002`];
  const iro = `iro-${prefix}`;
  const bodies: [string, string, unknown][] = [
    ['POST', '/iros', { id: iro, name: `IRO ${prefix}`, fte: 1, activeFrom: '2020-01-01', activeTo: null, sub: iroSub }],
    ['POST', '/allocations', { id: `allocation-${prefix}`, child: a, iro, from: '2024-02-01' }],
    ['POST', '/reviews', { id: `review-${prefix}`, child: a, iro, date: '2024-02-05', participation: 'PN1', spokeToChildBefore: true }],
    ['POST', '/contacts', { id: `contact-${prefix}`, child: a, iro, date: '2024-03-05', kind: 'visit', with: 'child' }],
    ['POST', '/decisions', { id: `decision-${prefix}`, child: a, review: `review-${prefix}`, made: '2024-02-05', text: 'Stay put', topic: 'placement', owner: { role: 'Social worker', name: 'Sam' }, due: '2024-03-01' }],
    ['POST', '/disputes', { id: `dispute-${prefix}`, child: a, iro, theme: 'contact', raised: '2024-03-01', alertRecipient: 'Team manager' }],
    ['POST', '/sibling-groups', { id: `siblings-${prefix}`, children: [a, b], recorded: '2024-03-01' }],
  ];
  for (const [method, path, body] of bodies) {
    const res = await ctx.get(path, manager, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, `${path} ${await res.text()}`).toBe(201);
  }
}

const childIds = (text: string, prefix: 'K' | 'M') => text.match(new RegExp(`\\b${prefix}\\d{3}\\b`, 'g')) ?? [];

beforeAll(async () => {
  await ctx.seed(OWN, dataset(YEAR, lookedAfterChildren('K', 12)));
  await ctx.seed(FOREIGN, dataset(YEAR, lookedAfterChildren('M', 9)));
  await ctx.platform.tick();
  await ctx.platform.drain();
  await seedPractice('K', CALLER.iro_manager, 'dev-iro-886');
  await seedPractice('M', FOREIGN_MANAGER, 'dev-iro-887');
  // Medway runs its own dispute chain, so its settings differ from Kent's default ones.
  const chain = { informalWorkingDays: 5, stages: [{ title: 'Head of service', workingDays: 5 }], totalWorkingDays: 15 };
  expect((await ctx.get('/settings/disputes', FOREIGN_MANAGER, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': '0' }, body: JSON.stringify(chain) })).status).toBe(200);
  // Each LA's manager uses every tenant route once, so derived records (e.g. audit entries) exist to be attacked.
  for (const route of TENANT_ROUTES.filter((r) => r.method === 'GET')) {
    await call(route, FOREIGN_MANAGER, concrete(route, 'foreign'));
    await call(route, CALLER.iro_manager, concrete(route, 'own'));
  }
});

describe('route table', () => {
  it('covers every capability route and at least the routes we know of', () => {
    expect(SECURED.length).toBeGreaterThanOrEqual(10);
    expect(TENANT_ROUTES.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /children', 'GET /children/{child}', 'POST /uploads']));
  });
});

describe.each(SECURED.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, route) => {
  it('refuses a request without a token (401)', async () => {
    const res = await call(route, null);
    expect(res.status).toBe(401);
    expect(res.type).toBe('application/problem+json');
  });

  it.each(ROLES.map((role) => [role] as const))('as %s: the capability policy decides, and no foreign child ever appears', async (role) => {
    const res = await call(route, CALLER[role]);
    expect(childIds(res.text, 'M'), 'a Medway child id reached a Kent or non-LA caller').toEqual([]);
    if (holds({ ...CALLER[role], subject: 'x' } as never, route.capability!)) {
      expect([401, 403], res.text).not.toContain(res.status);
      // Positive control: a holder reading its own data gets it.
      if (route.method === 'GET') expect(res.status, res.text).toBe(200);
    } else {
      expect(res.status).toBe(403);
      expect(JSON.parse(res.text)).toMatchObject({ code: 'forbidden' });
      expect(childIds(res.text, 'K')).toEqual([]);
    }
  });
});

describe.each(TENANT_ROUTES.filter((r) => r.method === 'GET').map((r) => [`${r.method} ${r.path}`, r] as const))('%s across tenants', (_name, route) => {
  it('the foreign LA can read its own record (positive control); Kent cannot reach it by any trick', async () => {
    const foreignPath = concrete(route, 'foreign');
    const owner = await call(route, FOREIGN_MANAGER, foreignPath);
    expect(owner.status).toBe(200);
    expect(owner.text).not.toMatch(/"(entries|children)":\[\]/); // there is something to steal

    const holders = (['iro', 'iro_manager'] as const).filter((role) => holds({ ...CALLER[role], subject: 'x' } as never, route.capability!));
    expect(holders.length).toBeGreaterThan(0);
    for (const role of holders) {
      const attempts = [
        foreignPath,
        withQuery(foreignPath, `tenant=${FOREIGN}`),
        withQuery(foreignPath, `la=${FOREIGN}`),
        withQuery(concrete(route, 'own'), `tenant=${FOREIGN}`),
      ];
      for (const path of attempts) {
        const res = await call(route, CALLER[role], path);
        expect(childIds(res.text, 'M'), `${role} ${path}`).toEqual([]);
        // The owner saw something here that the attacker does not.
        expect(res.text, `${role} ${path}`).not.toEqual(owner.text);
        expect(res.text).not.toContain(`"la":"${FOREIGN}"`);
      }
      const viaHeader = await call(route, CALLER[role], concrete(route, 'own'), { headers: { 'x-tenant': FOREIGN, 'x-tenant-id': FOREIGN } });
      expect(viaHeader.status).toBe(200);
      expect(childIds(viaHeader.text, 'M')).toEqual([]);
      // A tenant header changes nothing: the answer is the caller's own, as without it.
      expect(viaHeader.text).toEqual((await call(route, CALLER[role], concrete(route, 'own'))).text);
    }
  });
});

// Public routes with parameters (static assets by content hash) are fetched through the pages that link them.
describe.each(ROUTES.filter((r) => r.public && !r.path.includes('{')).map((r) => [`${r.method} ${r.path}`, r] as const))('public %s', (_name, route) => {
  it('answers without a token and carries no child data', async () => {
    const res = await call(route, null, route.path);
    expect(res.status).toBe(200);
    expect(childIds(res.text, 'K')).toEqual([]);
    expect(childIds(res.text, 'M')).toEqual([]);
  });
});
