import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

/** Claims the platform reads from Cognito ID tokens (`custom:<name>`); set by platform_admin at onboarding only. */
export const CUSTOM_ATTRIBUTES = ['tenant', 'role', 'region'] as const;

/**
 * What every app client of the pool shares: token lifetimes, no user-existence leaks, and attributes it may read
 * but not write. Explicit: by default a client may write every mutable attribute, which would let a user change
 * their own custom:tenant/role/region with UpdateUserAttributes. Scope attributes are written by admin APIs only.
 */
export function clientDefaults(): Pick<cognito.UserPoolClientOptions,
  'preventUserExistenceErrors' | 'enableTokenRevocation' | 'idTokenValidity' | 'accessTokenValidity' | 'refreshTokenValidity' | 'readAttributes' | 'writeAttributes'> {
  return {
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.hours(12),
    readAttributes: new cognito.ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes(...CUSTOM_ATTRIBUTES),
    writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
  };
}

export interface AuthStackProps extends StackProps {
  readonly stage: string;
  /** The managed login's domain prefix (`<prefix>.auth.eu-west-2.amazoncognito.com`), unique in the region. */
  readonly domainPrefix: string;
}

/**
 * Stateful: the one user pool (pooled tenancy) with the scope attributes, the API's app client, and the managed
 * login domain the pages sign in through (their own client is in the service stack, beside the API whose URL its
 * callback names). Users are created by platform_admin (no self sign-up), so a tenant is never chosen by the user.
 */
export class AuthStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `iro-platform-${props.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      customAttributes: Object.fromEntries(
        CUSTOM_ATTRIBUTES.map((name) => [name, new cognito.StringAttribute({ minLen: 0, maxLen: 64, mutable: true })]),
      ),
      // Staff accounts with access to children's records: strong passwords and TOTP MFA for everyone (cdk-nag COG1/COG2).
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus plan: compromised-credential and risky sign-in detection, enforced (cdk-nag COG8).
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      // SRP only: without this CDK enables the implicit and code flows (to https://example.com) on the managed login.
      disableOAuth: true,
      generateSecret: false,
      ...clientDefaults(),
    });

    // Cognito's managed login (the newer version): the pages send people here with the code flow and PKCE.
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }

  /**
   * The `iss` claim of the pool's tokens, checked by the HTTP API JWT authorizer and the app middleware. Built the
   * way HttpUserPoolAuthorizer builds it, so the value is exact (JWKS at `${issuer}/.well-known/jwks.json`).
   */
  get issuerUrl(): string {
    return `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
