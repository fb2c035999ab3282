import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { routeTable } from '../../functions/api/app.ts';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * The only routes reachable without a token, each with why it is safe (none returns data): the app declares them
 * (definePublicRoute) and API Gateway takes them from its route table. Everything else falls to
 * `ANY /{proxy+}` / `ANY /`, which require one.
 */
const PUBLIC = Object.fromEntries(routeTable().filter((r) => r.public).map((r) => [`${r.method} ${r.path}`, r.public!]));
export const PUBLIC_ROUTES = Object.keys(PUBLIC);

/**
 * The server-rendered pages (functions/api/web): a browser sends the session cookie, never a bearer token, so API
 * Gateway lets these through and the app's page gate admits the cookie's principal through the same capability
 * policy as a token (no session: sign-in page or 401; no capability: 403).
 */
export const PAGE_ROUTES = ['ANY /app', 'ANY /app/{proxy+}'];

export interface PlatformApiProps {
  readonly handler: lambda.IFunction;
  readonly jwtIssuer: string;
  readonly jwtAudience: readonly string[];
  /** Steady-state requests per second across the API (stage default route throttling). */
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * HTTP API in front of the one Hono function. Authorization is secure by default: the JWT authorizer is the API's
 * default, so a route added later is protected unless it is opted out here, in PUBLIC_ROUTES or PAGE_ROUTES.
 * The authorizer only proves the token; the app middleware re-verifies it and derives the TenantScope.
 */
export class PlatformApi extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PlatformApiProps) {
    super(scope, id);

    // Audience = the app client id, which Cognito puts in `aud` of ID tokens: clients send the ID token (it carries
    // custom:tenant/role/region). An access token (client_id, no aud) may pass this authorizer but the app
    // middleware requires `aud` and refuses it.
    const authorizer = new HttpJwtAuthorizer('CognitoJwt', props.jwtIssuer, {
      jwtAudience: [...props.jwtAudience],
      identitySource: ['$request.header.Authorization'],
    });
    const integration = new HttpLambdaIntegration('App', props.handler);

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'IRO platform API (Hono app)',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        // No tokens, bodies or query strings: paths never carry a tenant and the sub is enough to trace a user.
        format: apigwv2AccessLogFormat(),
      },
    });

    this.httpApi.addRoutes({ path: '/{proxy+}', methods: [apigwv2.HttpMethod.ANY], integration });
    this.httpApi.addRoutes({ path: '/', methods: [apigwv2.HttpMethod.ANY], integration });
    const withoutToken: [string, string][] = [
      ...PUBLIC_ROUTES.map((route): [string, string] => [route, `${route} is public by design: ${PUBLIC[route]}.`]),
      ...PAGE_ROUTES.map((route): [string, string] => [route, `${route} serves the web pages, authenticated by the encrypted session cookie in the app, through the same capability gate as a bearer token.`]),
    ];
    for (const [route, reason] of withoutToken) {
      const [method, path] = route.split(' ') as [keyof typeof apigwv2.HttpMethod, string];
      const [created] = this.httpApi.addRoutes({
        path,
        methods: [apigwv2.HttpMethod[method]],
        integration,
        authorizer: new apigwv2.HttpNoneAuthorizer(),
      });
      if (created) Validations.of(created).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    }
  }

  get url(): string {
    return this.stage.url;
  }
}

function apigwv2AccessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: '$context.requestId',
      requestTime: '$context.requestTime',
      ip: '$context.identity.sourceIp',
      userAgent: '$context.identity.userAgent',
      routeKey: '$context.routeKey',
      path: '$context.path',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
      responseLatency: '$context.responseLatency',
      integrationLatency: '$context.integrationLatency',
      integrationError: '$context.integrationErrorMessage',
      authorizerError: '$context.authorizer.error',
      sub: '$context.authorizer.claims.sub',
    }),
  );
}
