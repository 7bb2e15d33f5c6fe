import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { newWebhookSecret } from '../../alerts/sign-webhook.ts';
import type { Config } from '../../config.ts';
import { DomainError, isNotFound } from '../../errors.ts';
import { can } from '../../permissions.ts';
import { alertRuleInputs } from '../../schemas/alert-rule.ts';
import type { Store } from '../../store/store.ts';
import { requirePermission } from '../auth/page-access.ts';
import { renderPage } from '../layout/render-page.tsx';
import { renderErrorPage } from '../layout/error-page.tsx';
import { setFlash } from '../ui/flash.tsx';
import type { WebEnv } from '../web-env.ts';
import { AlertRuleForm } from './alert-rule-form.tsx';
import { EMPTY_RULE_FORM, parseRuleForm, readRuleForm, ruleFormValues, type AlertRuleFormValues, type FieldErrors } from './alert-rule-form-data.ts';
import { AlertsPage, NewSecret } from './alerts-page.tsx';
import { queueTestDelivery } from './test-delivery.ts';

const PAGE_SIZE = 50;
const CHOICES = 200;
const cursorOf = (text: string | undefined) => (text && /^\d+$/.test(text) ? Number(text) : undefined);

type Handler = (c: Context<WebEnv>, id: number) => Promise<Response>;

/** A handler for one rule (`:id`); a rule that does not exist is a 404 page. */
const forRule = (handler: Handler) => async (c: Context<WebEnv>) => {
  try {
    return await handler(c, Number(c.req.param('id')));
  } catch (err) {
    if (isNotFound(err)) return renderErrorPage(c, 404, 'No such alert rule', 'This rule does not exist; it may have been deleted. The alerts page has the others.');
    throw err;
  }
};

/** `/alerts`: alert rules (list, add, edit, delete, send a test) and the delivery log with each attempt. */
export function alertsRoutes(store: Store, config: Config) {
  const routes = new Hono<WebEnv>();
  routes.use('/alerts', requirePermission('offers.read'));
  routes.use('/alerts/*', requirePermission('offers.read'));
  const write = requirePermission('offers.write');
  // the API's schemas: the same webhook URL check (SSRF allow-list) as POST /api/alert-rules
  const { AlertRuleInput, AlertRulePatch } = alertRuleInputs(config.allowHosts);

  async function listPage(c: Context<WebEnv>, extra: { secret?: { name: string; secret: string }; status?: ContentfulStatusCode } = {}) {
    const rulesCursor = c.req.query('rules') ?? null;
    const deliveriesCursor = c.req.query('deliveries') ?? null;
    const [rules, deliveries] = await Promise.all([
      store.alerts.listRules({ limit: PAGE_SIZE, after: cursorOf(rulesCursor ?? undefined) }),
      store.alerts.listDeliveries({ limit: PAGE_SIZE, after: cursorOf(deliveriesCursor ?? undefined) }),
    ]);
    const ruleNames = new Map(rules.items.map((r) => [r.id, r.name]));
    for (const d of deliveries.items) if (!ruleNames.has(d.ruleId)) ruleNames.set(d.ruleId, (await store.alerts.getRule(d.ruleId)).name);
    const body = (
      <>
        {extra.secret && <NewSecret {...extra.secret} />}
        <AlertsPage
          rules={rules}
          deliveries={deliveries}
          ruleNames={ruleNames}
          rulesCursor={rulesCursor}
          deliveriesCursor={deliveriesCursor}
          canWrite={can(c.var.person!.role, 'offers.write')}
          csrfToken={c.var.csrfToken}
          prefs={c.var.prefs}
        />
      </>
    );
    return renderPage(c, { title: 'Alerts', body, status: extra.status });
  }

  async function formPage(c: Context<WebEnv>, page: { id?: number; values: AlertRuleFormValues; errors?: FieldErrors; status?: ContentfulStatusCode }) {
    const [products, businesses] = await Promise.all([store.products.list({ limit: CHOICES }), store.businesses.list({ limit: CHOICES })]);
    const body = (
      <AlertRuleForm
        action={page.id ? `/alerts/${page.id}` : '/alerts'}
        submitLabel={page.id ? 'Save the rule' : 'Add the rule'}
        values={page.values}
        errors={page.errors ?? {}}
        products={products.items.map((p) => ({ id: p.id, name: p.name }))}
        businesses={businesses.items.map((b) => ({ id: b.id, name: b.name }))}
        csrfToken={c.var.csrfToken}
      />
    );
    return renderPage(c, { title: page.id ? 'Edit alert rule' : 'Add an alert rule', body, status: page.status });
  }

  /** A product or business in the scope that is gone: a form error. */
  function storeRefusal(err: unknown): FieldErrors {
    if (err instanceof DomainError && err.kind === 'unprocessable') return { form: err.message };
    throw err;
  }

  routes.get('/alerts', (c) => listPage(c));
  routes.get('/alerts/new', write, (c) => formPage(c, { values: EMPTY_RULE_FORM }));
  routes.get(
    '/alerts/:id/edit',
    write,
    forRule(async (c, id) => {
      const rule = await store.alerts.getRule(id);
      return formPage(c, { id: rule.id, values: ruleFormValues(rule) });
    }),
  );

  routes.post('/alerts', write, async (c) => {
    const values = readRuleForm(await c.req.parseBody());
    const parsed = parseRuleForm(AlertRuleInput, values);
    if (!parsed.ok) return formPage(c, { values, errors: parsed.errors, status: 422 });
    try {
      const secret = newWebhookSecret();
      const { secret: _, ...input } = parsed.data;
      const rule = await store.alerts.createRule({ ...input, secret });
      c.set('flash', { kind: 'success', text: `The rule ${rule.name} is added.` });
      return await listPage(c, { secret: { name: rule.name, secret }, status: 201 });
    } catch (err) {
      return formPage(c, { values, errors: storeRefusal(err), status: 422 });
    }
  });

  routes.post(
    '/alerts/:id/test',
    write,
    forRule(async (c, id) => {
      const rule = await store.alerts.getRule(id);
      await queueTestDelivery(store, rule, new Date());
      setFlash(c, { kind: 'success', text: `A test post for ${rule.name} is queued; reload to see its attempt in the delivery log.` });
      return c.redirect('/alerts', 303);
    }),
  );

  routes.post(
    '/alerts/:id/delete',
    write,
    forRule(async (c, id) => {
      const rule = await store.alerts.getRule(id);
      await store.alerts.removeRule(rule.id);
      setFlash(c, { kind: 'success', text: `The rule ${rule.name} and its deliveries are deleted.` });
      return c.redirect('/alerts', 303);
    }),
  );

  routes.post(
    '/alerts/:id',
    write,
    forRule(async (c, id) => {
      await store.alerts.getRule(id);
      const values = readRuleForm(await c.req.parseBody());
      const parsed = parseRuleForm(AlertRulePatch.omit({ secret: true }).required(), values);
      if (!parsed.ok) return formPage(c, { id, values, errors: parsed.errors, status: 422 });
      try {
        await store.alerts.updateRule(id, parsed.data);
        setFlash(c, { kind: 'success', text: `The rule ${values.name} is saved.` });
        return c.redirect('/alerts', 303);
      } catch (err) {
        return formPage(c, { id, values, errors: storeRefusal(err), status: 422 });
      }
    }),
  );

  return routes;
}
