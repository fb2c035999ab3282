import { App } from 'aws-cdk-lib';
import { buildPlatform } from './platform.ts';

// `cdk synth` / `npm run synth`. Context carries the stage name (cdk.json: "stage": "dev"; `-c stage=prod` for others) and,
// when `iro-platform-<stage>` is taken in the region, the managed login's domain prefix (`-c domainPrefix=...`).
const app = new App();
const stage = app.node.tryGetContext('stage');
if (typeof stage !== 'string' || !/^[a-z][a-z0-9-]{1,15}$/.test(stage)) {
  throw new Error(`context "stage" must be a short lower-case name, got ${JSON.stringify(stage)}`);
}
const domainPrefix = app.node.tryGetContext('domainPrefix');
if (domainPrefix !== undefined && (typeof domainPrefix !== 'string' || !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(domainPrefix))) {
  throw new Error(`context "domainPrefix" must be lower-case letters, digits and hyphens, got ${JSON.stringify(domainPrefix)}`);
}
buildPlatform(app, { stage, domainPrefix });
app.synth();
