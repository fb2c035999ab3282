import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { bundle } from '../../infra/bundle.ts';
import { ENTRIES } from '../../infra/paths.ts';
import { SESSION_COOKIE, SessionCookies } from '../../functions/api/web/session.ts';
import { principalFromClaims } from '../../shared/platform/auth/principal.ts';
import { ENV } from '../../shared/platform/config.ts';

/**
 * The deployed API bundle (the same esbuild step as CDK), loaded by plain node from a folder with no node_modules
 * above it, as Lambda loads it: its cold start reads the session secret from Secrets Manager (a stand-in of the
 * service's JSON protocol here) and the pages answer API Gateway's v2 events, cookies included.
 */
const SECRET = 's'.repeat(64);
const dir = mkdtempSync(path.join(tmpdir(), 'iro-api-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUNNER = `
const { handler } = await import('./index.mjs');
const event = (path, query, cookies) => ({
  version: '2.0', routeKey: 'ANY /app/{proxy+}', rawPath: path, rawQueryString: query, cookies,
  headers: { host: 'abc123.execute-api.eu-west-2.amazonaws.com', 'x-forwarded-proto': 'https' },
  requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
    domainName: 'abc123.execute-api.eu-west-2.amazonaws.com', requestId: 'r', stage: '$default', accountId: '1', apiId: 'abc123', time: '', timeEpoch: 0 },
  isBase64Encoded: false,
});
const context = { awsRequestId: 'r', functionName: 'api', getRemainingTimeInMillis: () => 28000 };
const answers = [];
for (const [path, query, cookies] of JSON.parse(process.argv[2])) {
  const res = await handler(event(path, query, cookies), context);
  answers.push({ status: res.statusCode, location: res.headers?.location ?? null, cookies: res.cookies ?? [] });
}
process.stdout.write('ANSWERS' + JSON.stringify(answers));
`;

async function sessionCookie(key: Uint8Array): Promise<string> {
  const app = new Hono().get('/', async (c) => {
    await new SessionCookies(key, true).start(c, principalFromClaims({ sub: 'someone', role: 'platform_admin' }));
    return c.body(null, 204);
  });
  return (await app.request('/')).headers.getSetCookie()[0]!.split(';')[0]!;
}

describe('the API bundle', () => {
  it('builds, loads without node_modules, reads the session secret once and serves the pages to API Gateway events', async () => {
    await bundle(ENTRIES.api, dir);
    writeFileSync(path.join(dir, 'run.mjs'), RUNNER);
    const size = statSync(path.join(dir, 'index.mjs')).size;
    expect(size).toBeGreaterThan(100_000);

    const secretCalls: string[] = [];
    const secrets = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        secretCalls.push(`${req.headers['x-amz-target']} ${JSON.parse(body).SecretId}`);
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        res.end(JSON.stringify({ ARN: JSON.parse(body).SecretId, Name: 'session', SecretString: SECRET, VersionId: 'v1' }));
      });
    });
    secrets.listen(0, '127.0.0.1');
    await once(secrets, 'listening');
    const secretArn = 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:session-AbCdEf';
    const same = await sessionCookie(SessionCookies.keyFromSecret(SECRET));
    const other = await sessionCookie(SessionCookies.keyFromSecret('t'.repeat(64)));
    const requests = [['/app/sign-in', 'return=%2Fapp%2Fadmin'], ['/app', '', [same]], ['/app', '', [other]], ['/app/admin', '']];
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['run.mjs', JSON.stringify(requests)], {
        cwd: dir,
        env: {
          PATH: process.env.PATH, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test',
          AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(secrets.address() as AddressInfo).port}`,
          [ENV.tableName]: 'iro-platform', [ENV.jwtIssuer]: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_pool', [ENV.jwtAudience]: 'api-client',
          [ENV.signInDomain]: 'https://iro-platform-test.auth.eu-west-2.amazoncognito.com', [ENV.pagesClientId]: 'pages-client', [ENV.sessionSecretArn]: secretArn,
        },
      });
      const [signIn, withSession, withOtherKey, admin] = JSON.parse(stdout.slice(stdout.indexOf('ANSWERS') + 'ANSWERS'.length));
      // Read once, at the cold start, by its ARN (the value itself is in no environment variable).
      expect(secretCalls).toEqual([`secretsmanager.GetSecretValue ${secretArn}`]);
      const authorize = new URL(signIn.location);
      expect(`${authorize.origin}${authorize.pathname}`).toBe('https://iro-platform-test.auth.eu-west-2.amazoncognito.com/oauth2/authorize');
      expect(authorize.searchParams.get('client_id')).toBe('pages-client');
      expect(authorize.searchParams.get('redirect_uri')).toBe('https://abc123.execute-api.eu-west-2.amazonaws.com/app/auth/callback');
      expect(signIn.cookies[0]).toMatch(/; Path=\/app; HttpOnly; Secure; SameSite=Lax$/);
      // A session made with the key derived from the same secret is read from the event's cookies; another is not.
      expect(withSession.location).toBe('/app/admin');
      expect(withOtherKey.location).toBe('/app/sign-in');
      expect(admin).toMatchObject({ status: 303, location: '/app/sign-in?return=%2Fapp%2Fadmin' });
      expect(same.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    } finally {
      secrets.close();
    }
  }, 60_000);
});
