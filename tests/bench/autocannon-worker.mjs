// Runs autocannon in a worker thread, so the load generator does not share the server's event loop
// (the platform's HTTP API and dynalite run on the main thread). Plain JS: no TypeScript loader needed.
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, headers, connections, duration, amount, method = 'GET', body, timeout = 10 } = workerData;
// A fresh id per request: autocannon's own idReplacement sent no body at all here (autocannon 8), so POSTs hung.
const fresh = body === undefined ? undefined : [{ setupRequest: (req) => ({ ...req, body: body.replaceAll('[<id>]', randomUUID()) }) }];
const opts = { url, headers, connections, ...(amount ? { amount } : { duration }), method, timeout, ...(fresh && { requests: fresh }) };
// Inside a worker thread autocannon hands back its raw per-worker result; aggregate it as the main thread would.
const result = autocannon.aggregateResult([await autocannon(opts)], opts);
parentPort.postMessage({
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  max: result.latency.max,
  mean: result.latency.average,
  // requests.average needs the per-second histogram, which worker-side results do not carry
  rps: result.requests.total / (result.duration || duration),
  total: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  bytes: result.throughput.total,
});
