import type { AlertRule, Delivery } from '../../store/alerts.ts';
import type { Page } from '../../store/paging.ts';
import { CSRF_FIELD } from '../security/csrf.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatDateTime, machineTime } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';
import { EVENT_LABELS } from './alert-rule-form.tsx';

/** The signing secret of a rule just created: shown once, like the API does. */
export const NewSecret = ({ name, secret }: { name: string; secret: string }) => (
  <section class="card link-card" aria-labelledby="secret-title">
    <h2 id="secret-title">Signing secret for {name}</h2>
    <p class="muted">The webhook receiver checks each post's signature with this secret. It is shown only now.</p>
    <label class="visually-hidden" for="new-secret">
      Signing secret for {name}
    </label>
    <input id="new-secret" type="text" readonly value={secret} class="link-field" />
  </section>
);

const Post = ({ action, label, aria, danger, csrfToken }: { action: string; label: string; aria: string; danger?: boolean; csrfToken: string }) => (
  <form method="post" action={action}>
    <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
    <button class={danger ? 'button button-danger button-small' : 'button button-secondary button-small'} type="submit" aria-label={aria}>
      {label}
    </button>
  </form>
);

const RuleActions = ({ rule, csrfToken }: { rule: AlertRule; csrfToken: string }) => (
  <div class="row-actions">
    <a class="button button-secondary button-small" href={`/alerts/${rule.id}/edit`} aria-label={`Edit ${rule.name}`}>
      Edit
    </a>
    <Post action={`/alerts/${rule.id}/test`} label="Send a test" aria={`Send a test for ${rule.name}`} csrfToken={csrfToken} />
    <Post action={`/alerts/${rule.id}/delete`} label="Delete" aria={`Delete ${rule.name}`} danger csrfToken={csrfToken} />
  </div>
);

const STATUS_BADGE = { pending: 'badge-invited', delivered: 'badge-active', failed: 'badge-disabled' } as const;

const Attempts = ({ delivery, prefs }: { delivery: Delivery; prefs: DisplayPrefs }) =>
  delivery.log.length === 0 ? (
    <span class="muted">not tried yet{delivery.nextAttemptAt ? ` (due ${formatDateTime(delivery.nextAttemptAt, prefs)})` : ''}</span>
  ) : (
    <ol class="attempts">
      {delivery.log.map((a) => (
        <li>
          <time datetime={machineTime(a.startedAt)}>{formatDateTime(a.startedAt, prefs)}</time>: {a.statusCode === null ? 'no answer' : `HTTP ${a.statusCode}`}, {a.durationMs} ms
          {a.error && a.error !== `HTTP ${a.statusCode}` && <span class="attempt-error"> — {a.error}</span>}
        </li>
      ))}
    </ol>
  );

export interface AlertsPageProps {
  rules: Page<AlertRule>;
  deliveries: Page<Delivery>;
  ruleNames: Map<number, string>;
  rulesCursor: string | null;
  deliveriesCursor: string | null;
  canWrite: boolean;
  csrfToken: string;
  prefs: DisplayPrefs;
}

/** `/alerts`: the rules and the delivery log with every attempt. */
export const AlertsPage = (props: AlertsPageProps) => {
  const { rules, deliveries, canWrite } = props;
  const href = (rulesCursor: string | null, deliveriesCursor: string | null) => {
    const q = new URLSearchParams();
    if (rulesCursor) q.set('rules', rulesCursor);
    if (deliveriesCursor) q.set('deliveries', deliveriesCursor);
    return q.size ? `/alerts?${q}` : '/alerts';
  };
  return (
    <>
      {canWrite && (
        <p>
          <a class="button" href="/alerts/new">
            Add a rule
          </a>
        </p>
      )}
      <h2>Rules</h2>
      {rules.items.length === 0 ? (
        <EmptyState title="No alert rules yet" hint={canWrite ? 'Add a rule to post to a webhook when a competitor price moves or a target breaks.' : 'A marketer adds the alert rules.'} />
      ) : (
        <div class="table-wrap">
          <table class="data-table stack-table">
            <caption class="visually-hidden">Alert rules</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">When</th>
                <th scope="col">Webhook</th>
                {canWrite && (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rules.items.map((rule) => (
                <tr>
                  <td data-label="Rule">
                    <span class="target-title">{rule.name}</span>
                    {!rule.enabled && <span class="badge badge-invited">Off</span>}
                  </td>
                  <td data-label="When">{EVENT_LABELS[rule.event]}</td>
                  <td class="target-url" data-label="Webhook">
                    {rule.webhookUrl}
                  </td>
                  {canWrite && (
                    <td class="actions">
                      <RuleActions rule={rule} csrfToken={props.csrfToken} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        shown={rules.items.length}
        cursor={props.rulesCursor}
        nextCursor={rules.nextAfter === null ? null : String(rules.nextAfter)}
        pageHref={(c) => href(c, props.deliveriesCursor)}
        noun="rules"
      />
      <h2>Delivery log</h2>
      {deliveries.items.length === 0 ? (
        <EmptyState title="Nothing sent yet" hint="Each webhook post and every try to send it shows here. Send a test to see one." />
      ) : (
        <div class="table-wrap">
          <table class="data-table stack-table deliveries-table">
            <caption class="visually-hidden">Webhook deliveries with their attempts</caption>
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">Rule</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.items.map((d) => (
                <tr>
                  <td data-label="Queued">
                    <time datetime={machineTime(d.createdAt)}>{formatDateTime(d.createdAt, props.prefs)}</time>
                  </td>
                  <td data-label="Rule">{props.ruleNames.get(d.ruleId) ?? `Rule ${d.ruleId}`}</td>
                  <td data-label="Event">{d.event}</td>
                  <td data-label="Status">
                    <span class={`badge ${STATUS_BADGE[d.status]}`}>{d.status}</span>
                  </td>
                  <td data-label="Attempts">
                    <Attempts delivery={d} prefs={props.prefs} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        shown={deliveries.items.length}
        cursor={props.deliveriesCursor}
        nextCursor={deliveries.nextAfter === null ? null : String(deliveries.nextAfter)}
        pageHref={(c) => href(props.rulesCursor, c)}
        noun="deliveries"
      />
    </>
  );
};
