import { App } from 'aws-cdk-lib';
import { buildPlatform } from './platform.ts';

// `cdk synth` / `npm run synth`. Context carries the stage name only (cdk.json: "stage": "dev"); `-c stage=prod` for others.
const app = new App();
const stage = app.node.tryGetContext('stage');
if (typeof stage !== 'string' || !/^[a-z][a-z0-9-]{1,15}$/.test(stage)) {
  throw new Error(`context "stage" must be a short lower-case name, got ${JSON.stringify(stage)}`);
}
buildPlatform(app, { stage });
app.synth();
