import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../shared/platform/config.ts';
import { buildTestPlatform, identityStatements } from './helpers.ts';

/**
 * Issue 11, sign-in in AWS: the pages' Cognito client (code flow + PKCE, public), the managed login domain, the page
 * routes that API Gateway lets through to the app's cookie gate while every other route keeps the JWT authorizer,
 * and the session secret that only the API function can read.
 */
const built = buildTestPlatform();
const service = built.template(built.service);
const auth = built.template(built.auth);
const resources = service.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const logicalId = (construct: IConstruct) => built.service.getLogicalId(construct.node.defaultChild as CfnRole);

const pagesClientId = logicalId(built.service.pagesSignIn.client);
const pagesClient = resources[pagesClientId]!.Properties;
const apiClient = Object.values(auth.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties;
const secretId = logicalId(built.service.pagesSignIn.sessionSecret);
const apiRoleId = logicalId(built.service.apiFn.role);
const apiFunction = ofType('AWS::Lambda::Function').find(([, fn]) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === 'api')![1];

/** The API's own URL in the template, followed by `path`. */
const underApi = (path: string) => ({
  'Fn::Join': ['', ['https://', { Ref: expect.stringMatching(/^HttpApi/) }, '.execute-api.eu-west-2.', { Ref: 'AWS::URLSuffix' }, path]],
});

describe('the pages\u2019 Cognito client', () => {
  it('allows the authorisation-code flow only (no implicit, no client credentials) with openid and email', () => {
    expect(pagesClient.AllowedOAuthFlows).toEqual(['code']);
    expect(pagesClient.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect([...pagesClient.AllowedOAuthScopes].sort()).toEqual(['email', 'openid']);
    expect(pagesClient.SupportedIdentityProviders).toEqual(['COGNITO']);
  });

  it('is public (no secret: PKCE instead) and signs in only through the managed login (no SRP or password flow)', () => {
    expect(pagesClient.GenerateSecret).toBe(false);
    expect(pagesClient.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(pagesClient.PreventUserExistenceErrors).toBe('ENABLED');
  });

  it('returns only to the API\u2019s own callback and signed-out pages', () => {
    expect(pagesClient.CallbackURLs).toEqual([underApi('/app/auth/callback')]);
    expect(pagesClient.LogoutURLs).toEqual([underApi('/app/signed-out')]);
  });

  it('lives on the auth stack\u2019s pool with the API client\u2019s token lifetimes and attribute rights', () => {
    expect(pagesClient.UserPoolId).toEqual({ 'Fn::ImportValue': expect.stringContaining('UserPool') });
    for (const key of ['IdTokenValidity', 'AccessTokenValidity', 'RefreshTokenValidity', 'TokenValidityUnits', 'ReadAttributes', 'WriteAttributes', 'EnableTokenRevocation']) {
      expect(pagesClient[key], key).toEqual(apiClient[key]);
    }
    // The custom scope attributes (tenant, role, region) are never writable by a user.
    expect(pagesClient.WriteAttributes).toEqual(['name']);
  });

  it('has Cognito\u2019s managed-login style, without which the newer managed login shows it nothing', () => {
    service.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { ClientId: { Ref: pagesClientId }, UseCognitoProvidedValues: true });
  });

  it('the API client is SRP only: no OAuth flow at all on the managed login', () => {
    expect(apiClient.AllowedOAuthFlows).toBeUndefined();
    expect(apiClient.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(apiClient.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  });
});

describe('the managed login domain', () => {
  it('is a Cognito domain on the pool, prefixed with the stage, on the newer managed login', () => {
    auth.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    auth.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'iro-platform-test', ManagedLoginVersion: 2 });
  });

  it('is where the API function sends people to sign in, with the pages\u2019 client id', () => {
    const vars = apiFunction.Properties.Environment.Variables;
    expect(vars[ENV.signInDomain]).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::ImportValue': expect.stringContaining('UserPoolDomain') }, '.auth.eu-west-2.amazoncognito.com']],
    });
    expect(vars[ENV.pagesClientId]).toEqual({ Ref: pagesClientId });
  });
});

describe('the service stack', () => {
  /** Every logical id a value refers to (Ref, Fn::GetAtt, and ${Id} inside Fn::Sub). */
  function references(value: unknown, found = new Set<string>()): Set<string> {
    if (Array.isArray(value)) value.forEach((v) => references(v, found));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'Ref' && typeof v === 'string') found.add(v);
        else if (key === 'Fn::GetAtt') found.add(Array.isArray(v) ? String(v[0]) : String(v).split('.')[0]!);
        else references(v, found);
      }
    }
    return found;
  }

  it('has no dependency cycle now that the API function names the client that names the API (CloudFormation would refuse it)', () => {
    const edges = new Map(Object.entries(resources).map(([id, r]) => {
      const dependsOn = (r as { DependsOn?: string | string[] }).DependsOn ?? [];
      return [id, [...references(r.Properties), ...(Array.isArray(dependsOn) ? dependsOn : [dependsOn])].filter((d) => d in resources)];
    }));
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') throw new Error(`cycle: ${[...path, id].join(' -> ')}`);
      state.set(id, 'visiting');
      for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
      state.set(id, 'done');
    };
    expect(() => { for (const id of edges.keys()) visit(id, []); }).not.toThrow();
    // The chain the comment in service-stack.ts relies on, so the check above looked at real edges.
    expect(edges.get(logicalId(built.service.apiFn.fn))).toContain(pagesClientId);
    expect(edges.get(pagesClientId)).toContain(Object.keys(service.findResources('AWS::ApiGatewayV2::Api'))[0]);
  });
});

describe('page routes in API Gateway', () => {
  const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
  const [authorizerId, authorizer] = ofType('AWS::ApiGatewayV2::Authorizer')[0]!;

  /** API Gateway's choice for a request: an exact route key first, else the greedy route with the longest prefix. */
  function routeFor(method: string, path: string) {
    const keyOf = (r: Record<string, any>) => (r.RouteKey as string).split(' ') as [string, string];
    const methodMatches = (m: string) => m === method || m === 'ANY';
    const exact = routes.filter((r) => methodMatches(keyOf(r)[0]) && keyOf(r)[1] === path);
    if (exact.length > 0) return exact.find((r) => keyOf(r)[0] === method) ?? exact[0]!;
    const greedy = routes
      .filter((r) => methodMatches(keyOf(r)[0]) && keyOf(r)[1].endsWith('/{proxy+}'))
      .filter((r) => path.startsWith(keyOf(r)[1].slice(0, -'{proxy+}'.length)))
      .sort((a, b) => keyOf(b)[1].length - keyOf(a)[1].length);
    return greedy[0]!;
  }

  it.each([
    ['GET', '/app'], ['GET', '/app/sign-in'], ['GET', '/app/auth/callback'], ['POST', '/app/sign-out'], ['GET', '/app/admin'], ['POST', '/app/admin/rerun'],
  ])('%s %s reaches the app without a token (the session cookie is checked there)', (method, path) => {
    const route = routeFor(method, path);
    expect(route.RouteKey).toMatch(/^ANY \/app/);
    expect(route.AuthorizationType).toBe('NONE');
    expect(route.AuthorizerId).toBeUndefined();
  });

  it.each([
    ['GET', '/children'], ['GET', '/dashboards/la'], ['POST', '/uploads'], ['GET', '/application'], ['GET', '/apps/x'], ['GET', '/'],
  ])('%s %s keeps the JWT authorizer (the /app prefix opens nothing else)', (method, path) => {
    const route = routeFor(method, path);
    expect(route).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
  });

  it('the JWT authorizer and the app\u2019s verifier accept ID tokens of both clients', () => {
    expect(authorizer.Properties.JwtConfiguration.Audience).toEqual([
      { 'Fn::ImportValue': expect.stringContaining('WebClient') },
      { Ref: pagesClientId },
    ]);
    const vars = apiFunction.Properties.Environment.Variables;
    expect([vars[ENV.jwtAudience], vars[ENV.pagesClientId]]).toEqual(authorizer.Properties.JwtConfiguration.Audience);
  });
});

describe('the session secret', () => {
  const secret = resources[secretId]!.Properties;

  it('is generated by CloudFormation: its value is in neither the template nor an environment variable', () => {
    expect(ofType('AWS::SecretsManager::Secret')).toHaveLength(1);
    expect(secret.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
    expect(secret.SecretString).toBeUndefined();
    const vars = apiFunction.Properties.Environment.Variables;
    expect(vars[ENV.sessionSecretArn]).toEqual({ Ref: secretId });
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const values = Object.entries(fn.Properties.Environment.Variables).filter(([name]) => name !== ENV.sessionSecretArn);
      expect(JSON.stringify(values)).not.toContain(secretId);
    }
  });

  it('only the API function\u2019s role is granted to read it', () => {
    const readers = ofType('AWS::IAM::Role').filter(([roleId]) =>
      identityStatements(service, roleId).some((s) => s.Effect === 'Allow' && s.Action.some((a) => a.startsWith('secretsmanager:'))));
    expect(readers.map(([roleId]) => roleId)).toEqual([apiRoleId]);
    const grant = identityStatements(service, apiRoleId).filter((s) => s.Action.some((a) => a.startsWith('secretsmanager:')));
    expect(grant).toEqual([expect.objectContaining({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: [{ Ref: secretId }] })]);
  });

  // The secret's resource policy evaluated: an account administrator allowed secretsmanager:* is still refused.
  const ACCOUNT = '111122223333';
  const SECRET = `arn:aws:secretsmanager:eu-west-2:${ACCOUNT}:secret:session-AbCdEf`;
  const API_ROLE = `arn:aws:iam::${ACCOUNT}:role/api-function-role`;
  const [, resourcePolicy] = ofType('AWS::SecretsManager::ResourcePolicy').find(([, p]) => JSON.stringify(p.Properties.SecretId) === JSON.stringify({ Ref: secretId }))!;
  const policy = JSON.parse(JSON.stringify(resourcePolicy.Properties.ResourcePolicy).replace(JSON.stringify({ 'Fn::GetAtt': [apiRoleId, 'Arn'] }), JSON.stringify(API_ROLE)));

  async function read(principalRole: string, identityPolicy: unknown) {
    const result = await runSimulation({
      request: {
        principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${principalRole.split('/').pop()}/session`,
        action: 'secretsmanager:GetSecretValue',
        resource: { resource: SECRET, accountId: ACCOUNT },
        contextVariables: { 'aws:PrincipalArn': principalRole },
      },
      identityPolicies: [{ name: 'identity', policy: identityPolicy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: policy,
    }, {});
    if (result.resultType !== 'single') throw new Error(JSON.stringify(result));
    return result.overallResult;
  }
  const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }] };

  it('the API function\u2019s role reads it; an administrator with secretsmanager:* on * is explicitly denied', async () => {
    expect(await read(API_ROLE, allowAll)).toBe('Allowed');
    expect(await read(`arn:aws:iam::${ACCOUNT}:role/admin`, allowAll)).toBe('ExplicitlyDenied');
  });
});
