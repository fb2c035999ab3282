import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageTable } from '../../functions/api/web/app.tsx';
import type { PageEntry } from '../../functions/api/web/kit.tsx';
import { SESSION_COOKIE, type Session } from '../../functions/api/web/session.ts';
import type { DevUser } from '../../functions/api/web/sign-in.tsx';
import { CAPABILITIES, holds } from '../../shared/platform/auth/capabilities.ts';
import { ROLES, type Role } from '../../shared/platform/auth/principal.ts';
import type { PlanMessage } from '../../shared/contracts/jobs.ts';
import { dataset, lookedAfterChildren } from '../helpers/records.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * Issue 11: the page × role × foreign-tenant matrix, built from the pages' own table (pageTable(), every Pages set
 * in functions/api/web/app.tsx), so a page added by anyone is attacked without anyone writing a test for it. Each
 * role signs in through the sign-in page; Kent (886) and Medway (887) hold children whose ids never overlap (K…, M…).
 */
const OWN = '886';
const FOREIGN = '887';
const YEAR = 2025;

const USERS: Record<Role | 'foreign_manager', DevUser> = {
  iro: { label: 'IRO, Kent', claims: { role: 'iro', tenant: OWN } },
  iro_manager: { label: 'IRO manager, Kent', claims: { role: 'iro_manager', tenant: OWN } },
  regional_chair: { label: 'Regional chair, South East', claims: { role: 'regional_chair', region: 'South East' } },
  national: { label: 'National analyst', claims: { role: 'national' } },
  platform_admin: { label: 'Platform administrator', claims: { role: 'platform_admin' } },
  foreign_manager: { label: 'IRO manager, Medway', claims: { role: 'iro_manager', tenant: FOREIGN } },
};
const WHO = Object.keys(USERS) as (keyof typeof USERS)[];

const ctx = usePlatform({
  users: Object.values(USERS),
  // The admin page's re-run form queues a full recompute of every registered LA; the plan job is tested elsewhere,
  // so a manual run is taken off the queue here instead of recomputing 153 LAs behind the matrix.
  wrapHandler: (queue, handler) => (queue === 'plan'
    ? async (event) => {
      const planned = event.Records.filter((r) => !(JSON.parse(r.body) as PlanMessage).reason.startsWith('manual by'));
      if (planned.length > 0) return handler({ ...event, Records: planned });
    }
    : handler),
});

/** A sample for each path parameter: the attacker's own record and the victim LA's; an unknown one gets a fallback. */
const PARAMS: Record<string, { own: string; foreign: string }> = {
  child: { own: 'K001', foreign: 'M001' },
  la: { own: OWN, foreign: FOREIGN },
  tenant: { own: OWN, foreign: FOREIGN },
  year: { own: String(YEAR), foreign: String(YEAR) },
};
const sample = (name: string, which: 'own' | 'foreign') => PARAMS[name]?.[which] ?? `${which}-${name}-1`;
const concrete = (entry: PageEntry, which: 'own' | 'foreign' = 'own') =>
  `/app${entry.path}`.replace(/:(\w+)(\{[^}]*\})?\??/g, (_, name: string) => encodeURIComponent(sample(name, which)));

const PAGES = pageTable();
/** The seeded ids (K001…, M001…) in a page; SVG path data (`d="M310,20L…"`) is left out, as it is drawing, not text. */
const childIds = (text: string, prefix: 'K' | 'M') => text.replace(/ d="[^"]*"/g, '').match(new RegExp(`\\b${prefix}\\d{3}\\b`, 'g')) ?? [];

const sessions = {} as Record<keyof typeof USERS, { cookie: string; csrf: string }>;

/** This session's CSRF token, read with the platform's own cookie codec (as its pages print it in every form). */
async function csrfOf(cookie: string): Promise<string> {
  let session: Session | undefined;
  const app = new Hono().get('/', async (c) => {
    session = await ctx.platform.cookies.read(c);
    return c.body(null, 204);
  });
  await app.request('/', { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  if (!session) throw new Error('not a session');
  return session.csrf;
}

async function call(entry: PageEntry, who: keyof typeof USERS | null, path = concrete(entry)) {
  const session = who ? sessions[who] : undefined;
  const headers: Record<string, string> = { origin: ctx.platform.url };
  if (session) headers.cookie = `${SESSION_COOKIE}=${session.cookie}`;
  const init: RequestInit = { method: entry.method, redirect: 'manual', headers };
  if (entry.method === 'POST') init.body = new URLSearchParams(session ? { _csrf: session.csrf } : {});
  const res = await fetch(`${ctx.platform.url}${path}`, init);
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

beforeAll(async () => {
  await ctx.seed(OWN, dataset(YEAR, lookedAfterChildren('K', 12)));
  await ctx.seed(FOREIGN, dataset(YEAR, lookedAfterChildren('M', 9)));
  for (const la of [OWN, FOREIGN]) await ctx.platform.tick({ type: 'plan', reason: 'test', la });
  await ctx.platform.drain();
  for (const [index, who] of WHO.entries()) {
    const res = await fetch(`${ctx.platform.url}/app/sign-in`, {
      method: 'POST', redirect: 'manual', headers: { origin: ctx.platform.url }, body: new URLSearchParams({ user: String(index) }),
    });
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    if (!cookie) throw new Error(`${who} could not sign in: ${res.status}`);
    sessions[who] = { cookie, csrf: await csrfOf(cookie) };
  }
});

describe('page table', () => {
  it('lists every page with its capability, at least the ones we know of', () => {
    expect(PAGES.map((p) => `${p.method} ${p.path}`)).toEqual(expect.arrayContaining(['GET /admin', 'POST /admin/recompute']));
    for (const page of PAGES) expect(CAPABILITIES[page.capability], page.path).toBeDefined();
  });
});

describe.each(PAGES.map((p) => [`${p.method} /app${p.path}`, p] as const))('%s', (_name, entry) => {
  it('without a session: a GET goes to the sign-in page (and back here after), a POST is refused and does nothing', async () => {
    const res = await call(entry, null);
    expect(res.status).toBe(303);
    if (entry.method === 'GET') {
      const target = new URL(res.location!, ctx.platform.url);
      expect(target.pathname).toBe('/app/sign-in');
      expect(target.searchParams.get('return')).toBe(concrete(entry));
    } else {
      expect(res.location).toBe('/app/sign-in');
    }
    expect(childIds(res.text, 'K')).toEqual([]);
  });

  it.each(ROLES.map((role) => [role] as const))('as %s: the capability policy decides, and no foreign child appears', async (role) => {
    const res = await call(entry, role);
    expect(childIds(res.text, 'M'), 'a Medway child id reached a Kent or non-LA caller').toEqual([]);
    if (holds({ ...USERS[role].claims, subject: 'x' } as never, entry.capability)) {
      expect(res.status, res.text.slice(0, 300)).not.toBe(403);
      expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
      expect(res.location ?? '', 'sent to sign in although signed in').not.toMatch(/^\/app\/sign-in/);
      // Positive control: a page without parameters opens for a role that holds its capability.
      if (entry.method === 'GET' && !entry.path.includes(':')) expect(res.status, res.text.slice(0, 300)).toBe(200);
    } else {
      expect(res.status).toBe(403);
      expect(res.text).toContain('You cannot see this page');
      expect(childIds(res.text, 'K')).toEqual([]);
    }
  });
});

// Every page that names a child in its address: Kent's manager asking for a Medway child by id gets 404.
const CHILD_PAGES = PAGES.filter((p) => p.method === 'GET' && p.path.includes(':child') && CAPABILITIES[p.capability].scope === 'tenant');
describe.each(CHILD_PAGES.map((p) => [`GET /app${p.path}`, p] as const))('%s across tenants', (_name, entry) => {
  it('Medway\u2019s manager sees its own child (positive control); Kent\u2019s manager asking for it gets 404', async () => {
    const foreignPath = concrete(entry, 'foreign');
    const owner = await call(entry, 'foreign_manager', foreignPath);
    expect(owner.status).toBe(200);
    expect(childIds(owner.text, 'M').length).toBeGreaterThan(0);
    const attacker = await call(entry, 'iro_manager', foreignPath);
    expect(attacker.status).toBe(404);
    expect(childIds(attacker.text, 'M')).toEqual([]);
  });
});
