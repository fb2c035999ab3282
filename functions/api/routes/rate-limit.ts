/**
 * A sliding-window request limit, in memory. Per instance only: each Lambda instance (and the local server) keeps
 * its own counts, so the effective limit across N warm instances is N times this; API Gateway's stage throttling
 * bounds the total. It slows guessing and flooding of the public Rate My Review pages; the 128-bit token, not
 * this limit, is what makes guessing hopeless.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number, private readonly maxKeys = 10_000) {}

  /** Counts a request for `key`; the seconds to wait when over the limit, else 0. */
  take(key: string, now = Date.now()): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.delete(key); // re-inserted last: the Map's order is oldest-used first
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    return 0;
  }
}
