import type { Recipe } from '../../scrapers/recipe.ts';
import type { Page, PageRequest } from './paging.ts';

export type FetchMode = 'static' | 'browser' | 'auto';
export type TargetHealth = 'ok' | 'broken';

export interface Target {
  id: number;
  businessId: number;
  productId: number;
  url: string;
  fetch: FetchMode;
  /** For `auto`: the mode the last successful check needed, tried first next time. */
  learnedMode: 'static' | 'browser' | null;
  /** Cron expression. */
  schedule: string;
  locale: string | null;
  currency: string | null;
  recipe: Recipe | null;
  enabled: boolean;
  respectRobots: boolean;
  minPriceDelta: string | null;
  health: TargetHealth;
  healthReason: string | null;
  consecutiveFailures: number;
  nextRunAt: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type TargetInput = Pick<
  Target,
  'businessId' | 'productId' | 'url' | 'fetch' | 'schedule' | 'locale' | 'currency' | 'recipe' | 'enabled' | 'respectRobots' | 'minPriceDelta'
>;

export interface TargetFilter extends PageRequest {
  businessId?: number;
  productId?: number;
  health?: TargetHealth;
  enabled?: boolean;
}

/** An enabled target whose next run is due; `nextRunAt` null means it was never planned. */
export type DueTarget = Pick<Target, 'id' | 'schedule' | 'nextRunAt' | 'fetch' | 'learnedMode'>;

/** What a check did to a target's health; `from !== to` is a flip worth a health event. */
export interface HealthTransition {
  from: TargetHealth;
  to: TargetHealth;
}

/**
 * One product at one business: where to fetch it, how, and how often. Creating or updating a target
 * plans its next run from the schedule; changing its url or fetch mode forgets the learned mode.
 */
export interface TargetStore {
  get(id: number): Promise<Target>;
  /** Throws unprocessable when the business or product does not exist. */
  create(input: TargetInput): Promise<Target>;
  update(id: number, patch: Partial<TargetInput>): Promise<Target>;
  /** Deletes the target with its history. */
  remove(id: number): Promise<void>;
  list(filter: TargetFilter): Promise<Page<Target>>;

  /** Enabled targets with `nextRunAt` null or at/before `now` (ISO), the longest overdue first. */
  due(now: string): Promise<DueTarget[]>;
  setNextRunAt(id: number, at: string): Promise<void>;
  /**
   * A check succeeded at `at` in `mode`: failures reset, health ok, and an `auto` target learns `mode`.
   * Null when the target is gone. Call inside a unit of work.
   */
  markSucceeded(id: number, result: { at: string; mode: 'static' | 'browser' }): Promise<HealthTransition | null>;
  /**
   * A check failed for good: one more consecutive failure; at `brokenAfter` in a row the target turns
   * broken with `reason`. Null when the target is gone. Call inside a unit of work.
   */
  markFailed(id: number, failure: { reason: string; brokenAfter: number }): Promise<HealthTransition | null>;
}
