import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { DomainError } from '../../errors.ts';
import { disablePerson } from '../../people/manage-people.ts';
import { invitePerson, issuePasswordLink, setPasswordPath } from '../../people/password-links.ts';
import { ROLES } from '../../permissions.ts';
import type { Store } from '../../store/store.ts';
import { requirePermission } from '../auth/page-access.ts';
import { renderPage } from '../layout/render-page.tsx';
import { setFlash, type Flash } from '../ui/flash.tsx';
import type { WebEnv } from '../web-env.ts';
import { NewLink, UsersPage } from './users-page.tsx';

const PAGE_SIZE = 50;

const inviteSchema = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().max(200).optional(),
  role: z.enum(ROLES),
});

/** Admin → Users: list people, invite, hand out a new password link, disable. */
export function adminRoutes(store: Store, config: Config) {
  const routes = new Hono<WebEnv>();
  routes.use('/admin/users', requirePermission('people.manage'));
  routes.use('/admin/users/*', requirePermission('people.manage'));

  const linkUrl = (c: Context, token: string) => `${config.publicUrl ?? new URL(c.req.url).origin}${setPasswordPath(token)}`;

  async function usersPage(c: Context<WebEnv>, extra: { flash?: Flash; link?: { email: string; url: string }; status?: ContentfulStatusCode } = {}) {
    const cursor = c.req.query('cursor') ?? null;
    const people = await store.people.list({ limit: PAGE_SIZE, after: Number(cursor) || undefined });
    if (extra.flash) c.set('flash', extra.flash);
    const body = (
      <>
        <div id="link-slot" aria-live="polite">
          {extra.link && <NewLink email={extra.link.email} url={extra.link.url} />}
        </div>
        <UsersPage people={people} cursor={cursor} csrfToken={c.var.csrfToken} prefs={c.var.prefs} selfId={c.var.person!.id} />
      </>
    );
    return renderPage(c, { title: 'Users', body, status: extra.status });
  }

  /** A missing person or a taken email is shown on the page; anything else goes to the error handler. */
  const failure = (c: Context<WebEnv>, err: unknown) => {
    if (!(err instanceof DomainError) || (err.kind !== 'not_found' && err.kind !== 'conflict')) throw err;
    const taken = err.kind === 'conflict';
    return usersPage(c, { flash: { kind: 'error', text: taken ? 'Someone already has this email.' : 'There is no such person.' }, status: taken ? 409 : 404 });
  };

  routes.get('/admin/users', (c) => usersPage(c));

  routes.post('/admin/users/invite', async (c) => {
    const parsed = inviteSchema.safeParse(await c.req.parseBody());
    if (!parsed.success) return usersPage(c, { flash: { kind: 'error', text: 'Give a valid email and one of the roles.' }, status: 422 });
    try {
      const { person, token } = await invitePerson(store, parsed.data);
      const flash: Flash = { kind: 'success', text: `${person.email} is invited as ${person.role}.` };
      return await usersPage(c, { flash, link: { email: person.email, url: linkUrl(c, token) }, status: 201 });
    } catch (err) {
      return failure(c, err);
    }
  });

  routes.post('/admin/users/:id/link', async (c) => {
    try {
      const id = Number(c.req.param('id'));
      const person = await store.people.get(id);
      const token = await issuePasswordLink(store, id);
      // from htmx (the button in the list): only the link card, swapped in above the list
      if (c.req.header('hx-request') === 'true') return c.html(<NewLink email={person.email} url={linkUrl(c, token)} />);
      const flash: Flash = { kind: 'success', text: `A new password link for ${person.email} is below.` };
      return await usersPage(c, { flash, link: { email: person.email, url: linkUrl(c, token) } });
    } catch (err) {
      return failure(c, err);
    }
  });

  routes.post('/admin/users/:id/disable', async (c) => {
    const id = Number(c.req.param('id'));
    if (id === c.var.person!.id) return usersPage(c, { flash: { kind: 'error', text: 'You cannot disable yourself.' }, status: 422 });
    try {
      const person = await disablePerson(store, id);
      setFlash(c, { kind: 'success', text: `${person.email} is disabled and signed out everywhere.` });
      return c.redirect('/admin/users', 303);
    } catch (err) {
      return failure(c, err);
    }
  });

  return routes;
}
