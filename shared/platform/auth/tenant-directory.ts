/**
 * Which LAs are registered tenants, cached per process: a token naming an LA that is not in the registry is
 * refused even though its signature is good (a mis-issued token must not create a tenant). The cache is
 * reloaded every `ttlMs`, and at most every `missRefreshMs` when asked about a code it does not hold, so an LA
 * onboarded a moment ago is seen quickly without letting unknown codes hammer the table.
 */
export class TenantDirectory {
  private codes: ReadonlySet<string> = new Set();
  private loadedAt = -Infinity;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly load: () => Promise<Iterable<string>>,
    private readonly options: { ttlMs?: number; missRefreshMs?: number; now?: () => number } = {},
  ) {}

  private get now(): number {
    return (this.options.now ?? Date.now)();
  }

  private refresh(): Promise<void> {
    this.loading ??= this.load()
      .then((codes) => {
        this.codes = new Set(codes);
        this.loadedAt = this.now;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  async isRegistered(la: string): Promise<boolean> {
    const age = this.now - this.loadedAt;
    if (age > (this.options.ttlMs ?? 300_000)) await this.refresh();
    else if (!this.codes.has(la) && age > (this.options.missRefreshMs ?? 30_000)) await this.refresh();
    return this.codes.has(la);
  }

  /** After onboarding in this process: the next check reloads. */
  invalidate(): void {
    this.loadedAt = -Infinity;
  }
}
