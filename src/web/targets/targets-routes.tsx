import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Config } from '../../config.ts';
import { DomainError, isNotFound } from '../../errors.ts';
import { can } from '../../permissions.ts';
import { queueManualRun } from '../../scheduler/manual-run.ts';
import { TargetInput, TargetPatch } from '../../schemas/target.ts';
import type { Store } from '../../store/store.ts';
import { requirePermission } from '../auth/page-access.ts';
import { renderPage } from '../layout/render-page.tsx';
import { renderErrorPage } from '../layout/error-page.tsx';
import { setFlash } from '../ui/flash.tsx';
import type { WebEnv } from '../web-env.ts';
import { TargetForm } from './target-form.tsx';
import { EMPTY_TARGET_FORM, parseTargetForm, readTargetForm, targetFormValues, type FieldErrors, type TargetFormValues } from './target-form-data.ts';
import { TargetsPage, type Option, type TargetFilters } from './targets-page.tsx';
import { tryTarget } from './try-target.ts';
import { TryRefused, TryResultPanel } from './try-result.tsx';

const PAGE_SIZE = 50;
/** Businesses and products offered in the filters and the form's choices. */
const CHOICES = 200;

const positiveId = (text: string | undefined) => (text && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

function filtersFrom(c: Context): TargetFilters {
  const health = c.req.query('health');
  const enabled = c.req.query('enabled');
  return {
    businessId: positiveId(c.req.query('businessId')),
    productId: positiveId(c.req.query('productId')),
    health: health === 'ok' || health === 'broken' ? health : undefined,
    enabled: enabled === 'true' ? true : enabled === 'false' ? false : undefined,
  };
}

type Handler = (c: Context<WebEnv>, id: number) => Promise<Response>;

/** A handler for one target (`:id`); a target that does not exist is a 404 page. */
const forTarget = (handler: Handler) => async (c: Context<WebEnv>) => {
  try {
    return await handler(c, Number(c.req.param('id')));
  } catch (err) {
    if (isNotFound(err)) return renderErrorPage(c, 404, 'No such target', 'This target does not exist; it may have been deleted. The targets list has the others.');
    throw err;
  }
};

/** `/targets`: the health list, add and edit with try-it, run now, bulk enable/disable. */
export function targetsRoutes(store: Store, config: Config) {
  const routes = new Hono<WebEnv>();
  routes.use('/targets', requirePermission('offers.read'));
  routes.use('/targets/*', requirePermission('offers.read'));
  const write = requirePermission('offers.write');

  async function choices(): Promise<{ businesses: Option[]; products: Option[] }> {
    const [businesses, products] = await Promise.all([store.businesses.list({ limit: CHOICES }), store.products.list({ limit: CHOICES })]);
    return {
      businesses: businesses.items.map((b) => ({ id: b.id, name: b.name })),
      products: products.items.map((p) => ({ id: p.id, name: p.name })),
    };
  }

  routes.get('/targets', async (c) => {
    const filters = filtersFrom(c);
    const cursor = c.req.query('cursor') ?? null;
    const [targets, options] = await Promise.all([store.targets.list({ ...filters, limit: PAGE_SIZE, after: positiveId(cursor ?? undefined) }), choices()]);
    const names = { business: new Map(options.businesses.map((b) => [b.id, b.name])), product: new Map(options.products.map((p) => [p.id, p.name])) };
    // a target of a business or product beyond the first choices still shows its names
    for (const t of targets.items) {
      if (!names.business.has(t.businessId)) names.business.set(t.businessId, (await store.businesses.get(t.businessId)).name);
      if (!names.product.has(t.productId)) names.product.set(t.productId, (await store.products.get(t.productId)).name);
    }
    const lastRuns = new Map((await store.runs.latestFinished(targets.items.map((t) => t.id))).map((run) => [run.targetId, run]));
    const body = (
      <TargetsPage
        targets={targets}
        lastRuns={lastRuns}
        names={names}
        filters={filters}
        {...options}
        cursor={cursor}
        canWrite={can(c.var.person!.role, 'offers.write')}
        csrfToken={c.var.csrfToken}
        prefs={c.var.prefs}
      />
    );
    return renderPage(c, { title: 'Targets', body });
  });

  async function formPage(c: Context<WebEnv>, page: { id?: number; values: TargetFormValues; errors?: FieldErrors; status?: ContentfulStatusCode }) {
    const body = (
      <>
        <p>
          <a href="/targets">Back to targets</a>
        </p>
        <TargetForm
          action={page.id ? `/targets/${page.id}` : '/targets'}
          submitLabel={page.id ? 'Save the target' : 'Add the target'}
          values={page.values}
          errors={page.errors ?? {}}
          csrfToken={c.var.csrfToken}
          {...await choices()}
        />
      </>
    );
    return renderPage(c, { title: page.id ? `Edit target ${page.id}` : 'Add a target', body, status: page.status });
  }

  /** A missing business or product (unprocessable) is a form error; a missing target a 404; others go up. */
  function storeRefusal(err: unknown): FieldErrors {
    if (err instanceof DomainError && err.kind === 'unprocessable') return { form: err.message };
    throw err;
  }

  routes.get('/targets/new', write, (c) => formPage(c, { values: EMPTY_TARGET_FORM }));

  routes.get(
    '/targets/:id/edit',
    write,
    forTarget(async (c, id) => {
      const target = await store.targets.get(id);
      return formPage(c, { id: target.id, values: targetFormValues(target) });
    }),
  );

  routes.post('/targets', write, async (c) => {
    const values = readTargetForm(await c.req.parseBody());
    const parsed = parseTargetForm(TargetInput, values);
    if (!parsed.ok) return formPage(c, { values, errors: parsed.errors, status: 422 });
    try {
      const target = await store.targets.create(parsed.data);
      setFlash(c, { kind: 'success', text: `Target ${target.id} is added; its first check is planned.` });
      return c.redirect('/targets', 303);
    } catch (err) {
      return formPage(c, { values, errors: storeRefusal(err), status: 422 });
    }
  });

  routes.post('/targets/try', write, async (c) => {
    const parsed = parseTargetForm(TargetInput, readTargetForm(await c.req.parseBody()));
    // 200: htmx swaps only successful answers into the panel
    if (!parsed.ok) return c.html(<TryRefused errors={parsed.errors} />);
    return c.html(<TryResultPanel result={await tryTarget(config, parsed.data)} prefs={c.var.prefs} />);
  });

  routes.post('/targets/bulk', write, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const ids = [body.ids ?? []].flat().map((v) => positiveId(typeof v === 'string' ? v : undefined));
    const action = body.action;
    if ((action !== 'enable' && action !== 'disable') || ids.length === 0 || ids.some((id) => id === undefined)) {
      setFlash(c, { kind: 'error', text: 'Select at least one target, then Enable or Disable.' });
      return c.redirect('/targets', 303);
    }
    const enabled = action === 'enable';
    try {
      await store.transaction(async (tx) => {
        for (const id of ids) await tx.targets.update(id!, { enabled });
      });
    } catch (err) {
      if (!isNotFound(err)) throw err;
      setFlash(c, { kind: 'error', text: 'One of the selected targets no longer exists; nothing was changed. Select again.' });
      return c.redirect('/targets', 303);
    }
    setFlash(c, { kind: 'success', text: `${ids.length} ${ids.length === 1 ? 'target is' : 'targets are'} ${enabled ? 'enabled' : 'disabled'}.` });
    return c.redirect('/targets', 303);
  });

  routes.post(
    '/targets/:id/run',
    write,
    forTarget(async (c, id) => {
      const run = await queueManualRun(store, id, new Date());
      setFlash(c, { kind: 'success', text: `Run ${run.id} of target ${run.targetId} is queued; it starts as soon as a worker is free.` });
      return c.redirect('/targets', 303);
    }),
  );

  routes.post(
    '/targets/:id',
    write,
    forTarget(async (c, id) => {
      await store.targets.get(id);
      const values = readTargetForm(await c.req.parseBody());
      const parsed = parseTargetForm(TargetPatch.required(), values);
      if (!parsed.ok) return formPage(c, { id, values, errors: parsed.errors, status: 422 });
      try {
        await store.targets.update(id, parsed.data);
        setFlash(c, { kind: 'success', text: `Target ${id} is saved.` });
        return c.redirect('/targets', 303);
      } catch (err) {
        return formPage(c, { id, values, errors: storeRefusal(err), status: 422 });
      }
    }),
  );

  return routes;
}
