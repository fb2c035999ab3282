import type { DataLayer } from '../../shared/data/data-layer.ts';
import type { QueueSender } from '../../shared/platform/queue/sender.ts';

/** What every job handler needs; built from the environment in AWS (./aws-deps.ts) and by the local launcher. */
export interface JobDeps {
  data: DataLayer;
  queue: QueueSender;
  queueUrls: { tenant: string; rollup: string };
  /** Injected so tests and the nightly run can fix "today" (as-at dates move daily). */
  now: () => Date;
}
