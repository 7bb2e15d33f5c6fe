import type { AlertQueue } from './alert-queue.ts';
import type { AlertStore } from './alerts.ts';
import type { BusinessStore } from './businesses.ts';
import type { ChangeStore } from './changes.ts';
import type { ComparisonStore } from './comparisons.ts';
import type { PeopleStore } from './people.ts';
import type { ProductStore } from './products.ts';
import type { RunQueue } from './run-queue.ts';
import type { RunStore } from './runs.ts';
import type { SessionStore } from './sessions.ts';
import type { SnapshotStore } from './snapshots.ts';
import type { TargetStore } from './targets.ts';
import type { TemplateStore } from './templates.ts';
import type { UserLinkStore } from './user-links.ts';
import type { UserStore } from './users.ts';
import type { VisitStore } from './visits.ts';

/**
 * All that rivalscope keeps, one async interface per aggregate. Domain code receives a Store and never a
 * database handle; each backend (src/store/sqlite, later src/store/pg) implements all of it and passes
 * the contract tests in test/store/.
 */
export interface Store {
  readonly businesses: BusinessStore;
  readonly products: ProductStore;
  readonly targets: TargetStore;
  readonly runs: RunStore;
  readonly runQueue: RunQueue;
  readonly snapshots: SnapshotStore;
  readonly changes: ChangeStore;
  readonly comparisons: ComparisonStore;
  readonly alerts: AlertStore;
  readonly alertQueue: AlertQueue;
  readonly templates: TemplateStore;
  readonly visits: VisitStore;
  readonly users: UserStore;
  readonly people: PeopleStore;
  readonly sessions: SessionStore;
  readonly userLinks: UserLinkStore;
  /**
   * Runs `work` as one unit of work: everything it writes through `tx` lands, or nothing does. No network
   * I/O inside. Called on a `tx`, it joins the unit of work already open.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
}

/** A store as the service opens it: the Store and its life cycle. */
export interface StoreHandle extends Store {
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  /** A consistent copy of everything into `file`, also while the service writes. */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}
