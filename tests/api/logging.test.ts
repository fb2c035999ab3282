import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../shared/platform/observability/logger.ts';
import { usePlatform } from '../helpers/platform.ts';

/**
 * Issue 8, defect 6: the process logger is one object, and requests used to append and remove their keys on it,
 * so under concurrency a line carried another request's tenant, role and request id. Each request now logs
 * through its own child logger. Two LAs' requests interleave here; every access-log line must carry its own.
 */
const ctx = usePlatform();

afterEach(() => {
  logger.setLogLevel('SILENT');
  vi.restoreAllMocks();
});

describe('request logs under concurrency', () => {
  it('every line of a request carries that request\'s tenant, role and request id', async () => {
    const tokens = { '886': await ctx.token({ role: 'iro', tenant: '886' }), '887': await ctx.token({ role: 'iro_manager', tenant: '887' }) };
    const roleOf = { '886': 'iro', '887': 'iro_manager' } as const;
    const chunks: string[] = [];
    logger.setLogLevel('INFO');
    // POWERTOOLS_DEV (set for tests) makes Powertools write through the global console; in AWS it writes to stdout.
    const capture = (...args: unknown[]) => { chunks.push(String(args[0])); };
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (chunks.push(String(s)), true));
    for (const method of ['info', 'log'] as const) vi.spyOn(console, method).mockImplementation(capture);

    const requests = Array.from({ length: 60 }, (_, i) => {
      const la = i % 2 === 0 ? '886' : '887';
      return fetch(`${ctx.platform.url}/me`, { headers: { authorization: `Bearer ${tokens[la]}`, 'x-request-id': `req-${la}-${i}` } });
    });
    const responses = await Promise.all(requests);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    vi.restoreAllMocks();

    const lines = chunks.flatMap((c) => { try { return [JSON.parse(c) as Record<string, unknown>]; } catch { return []; } })
      .filter((l) => l.message === 'request' && typeof l.requestId === 'string' && (l.requestId as string).startsWith('req-'));
    expect(lines).toHaveLength(60);
    for (const line of lines) {
      const la = (line.requestId as string).split('-')[1] as '886' | '887';
      expect({ requestId: line.requestId, tenant: line.tenant, role: line.role }).toEqual({ requestId: line.requestId, tenant: la, role: roleOf[la] });
    }
  });
});
