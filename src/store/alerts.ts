import type { Page, PageRequest } from './paging.ts';
import type { TargetHealth } from './targets.ts';

export const ALERT_EVENTS = [
  'undercut',
  'price_change',
  'out_of_stock',
  'back_in_stock',
  'promotion_started',
  'promotion_ended',
  'field_changed',
  'target_broken',
  'target_recovered',
] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];
export type AlertFormat = 'json' | 'slack';

/** When to send what where. Scope: a product and/or a business; neither means every target. */
export interface AlertRule {
  id: number;
  name: string;
  event: AlertEvent;
  productId: number | null;
  businessId: number | null;
  /** Decimal thresholds: undercut by / price moved by at least this percent, undercut by at least this amount. */
  minPercent: string | null;
  minAmount: string | null;
  /** field_changed: the recipe field key to watch (null: any field). */
  fieldKey: string | null;
  webhookUrl: string;
  format: AlertFormat;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type AlertRuleInput = Pick<
  AlertRule,
  'name' | 'event' | 'productId' | 'businessId' | 'minPercent' | 'minAmount' | 'fieldKey' | 'webhookUrl' | 'format' | 'enabled'
> & { secret?: string | null };

/** A rule as stored: the signing secret is always set. */
export type NewAlertRule = Omit<AlertRuleInput, 'secret'> & { secret: string };

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One try to post a delivery: what the receiver answered, or why it could not be reached. */
export interface DeliveryAttempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  ok: boolean;
}

/** A webhook post queued by a rule for one event, with its attempt log. */
export interface Delivery {
  id: number;
  ruleId: number;
  event: string;
  targetId: number | null;
  changeId: number | null;
  status: DeliveryStatus;
  attempts: number;
  /** When a pending delivery is tried next; null once it is delivered or failed. */
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  payload: unknown;
  log: DeliveryAttempt[];
}

export interface DeliveryFilter extends PageRequest {
  ruleId?: number;
  status?: DeliveryStatus;
  targetId?: number;
}

/** A target turning broken or recovering. */
export interface HealthEvent {
  targetId: number;
  health: TargetHealth;
  reason: string | null;
}

/** Who and what an alert is about. */
export interface AlertSubject {
  targetId: number;
  url: string;
  businessId: number;
  business: string;
  own: boolean;
  productId: number;
  product: string;
}

/** The latest price of one enabled target of a product (from its latest snapshot). */
export interface LatestPrice {
  targetId: number;
  businessId: number;
  business: string;
  own: boolean;
  price: string | null;
  currency: string | null;
}

/**
 * Alert rules, the delivery log, target health events, and the reads alert queueing needs inside a run's
 * unit of work. Queueing and sending deliveries goes through the AlertQueue.
 */
export interface AlertStore {
  getRule(id: number): Promise<AlertRule>;
  /** A product or business in the scope that does not exist is unprocessable. */
  createRule(rule: NewAlertRule): Promise<AlertRule>;
  /** Keeps the secret unless the patch sets one. */
  updateRule(id: number, patch: Partial<NewAlertRule>): Promise<AlertRule>;
  /** Removes the rule with its deliveries. */
  removeRule(id: number): Promise<void>;
  listRules(filter: PageRequest & { event?: AlertEvent }): Promise<Page<AlertRule>>;
  /**
   * Enabled rules of one of `events` whose scope covers the product and, when given, the business; by id.
   * A null business matches rules of any business scope.
   */
  matchingRules(events: readonly AlertEvent[], scope: { productId: number; businessId: number | null }): Promise<AlertRule[]>;

  getDelivery(id: number): Promise<Delivery>;
  listDeliveries(filter: DeliveryFilter): Promise<Page<Delivery>>;

  /** The health of the target's latest health event; null when it has none. */
  lastHealth(targetId: number): Promise<TargetHealth | null>;
  /** Stores a health event at `at` and returns its id. */
  addHealthEvent(event: HealthEvent, at: string): Promise<number>;

  /** The target with its business and product; null when the target does not exist. */
  subject(targetId: number): Promise<AlertSubject | null>;
  /** The latest prices of the product's enabled targets, newest first. */
  latestPrices(productId: number): Promise<LatestPrice[]>;
}
