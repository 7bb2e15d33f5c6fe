import { Hono } from 'hono';
import type { SignInLimiter } from '../../auth/sign-in-limiter.ts';
import { openLink, redeemLink } from '../../people/password-links.ts';
import { passwordProblem } from '../../people/people-policy.ts';
import { endSession, startSession } from '../../people/sessions.ts';
import { signIn } from '../../people/sign-in.ts';
import type { Store } from '../../store/store.ts';
import { renderSignedOutPage } from '../layout/render-page.tsx';
import { setFlash } from '../ui/flash.tsx';
import { clientAddress } from './client-address.ts';
import { safeNext } from './safe-next.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { SetPasswordForm } from './set-password-page.tsx';
import { SignInForm } from './sign-in-page.tsx';
import type { WebEnv } from '../web-env.ts';

const field = (value: unknown) => (typeof value === 'string' ? value : '');
const inMinutes = (seconds: number) => (seconds <= 60 ? 'a minute' : `${Math.ceil(seconds / 60)} minutes`);

const DEAD_LINK = (
  <p>
    This link has expired or has been used already. Ask an administrator for a new one; links work once, for 72 hours.{' '}
    <a href="/sign-in">Go to sign in</a>
  </p>
);

/** Sign in, sign out, and set a password from an invite or reset link. */
export function authRoutes(store: Store, limiter: SignInLimiter) {
  const routes = new Hono<WebEnv>();

  routes.get('/sign-in', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.var.person) return c.redirect(next, 303);
    const body = <SignInForm csrfToken={c.var.csrfToken} next={next === '/' ? undefined : next} />;
    return renderSignedOutPage(c, { title: 'Sign in', body });
  });

  routes.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const email = field(form.email).slice(0, 320);
    const next = safeNext(form.next);
    const result = await signIn(store, limiter, { email, password: field(form.password), address: clientAddress(c) });
    if (!result.ok) {
      const limited = result.retryAfterSeconds > 0;
      if (limited) c.header('retry-after', String(result.retryAfterSeconds));
      const error = limited
        ? `Too many sign-in attempts. Try again in ${inMinutes(result.retryAfterSeconds)}.`
        : 'That email and password do not match an active account.';
      const body = <SignInForm csrfToken={c.var.csrfToken} email={email} next={next === '/' ? undefined : next} error={error} />;
      return renderSignedOutPage(c, { title: 'Sign in', body, status: limited ? 429 : 401 });
    }
    if (c.var.sessionId) await endSession(store, c.var.sessionId);
    setSessionCookie(c, result.sessionId);
    return c.redirect(next, 303);
  });

  routes.post('/sign-out', async (c) => {
    if (c.var.sessionId) await endSession(store, c.var.sessionId);
    clearSessionCookie(c);
    setFlash(c, { kind: 'info', text: 'You are signed out.' });
    return c.redirect('/sign-in', 303);
  });

  routes.get('/set-password', async (c) => {
    const token = c.req.query('token') ?? '';
    const open = token ? await openLink(store, token) : null;
    if (!open) return renderSignedOutPage(c, { title: 'Link no longer valid', body: DEAD_LINK, status: 410 });
    const title = open.link.purpose === 'invite' ? 'Welcome to rivalscope' : 'Choose a new password';
    return renderSignedOutPage(c, { title, body: <SetPasswordForm csrfToken={c.var.csrfToken} token={token} email={open.person.email} /> });
  });

  routes.post('/set-password', async (c) => {
    const form = await c.req.parseBody();
    const token = field(form.token);
    const password = field(form.password);
    const open = token ? await openLink(store, token) : null;
    if (!open) return renderSignedOutPage(c, { title: 'Link no longer valid', body: DEAD_LINK, status: 410 });
    const problem = passwordProblem(password, field(form.confirm));
    if (problem) {
      const body = <SetPasswordForm csrfToken={c.var.csrfToken} token={token} email={open.person.email} error={problem} />;
      return renderSignedOutPage(c, { title: 'Choose a password', body, status: 422 });
    }
    const person = await redeemLink(store, token, password);
    if (!person) return renderSignedOutPage(c, { title: 'Link no longer valid', body: DEAD_LINK, status: 410 });
    if (c.var.sessionId) await endSession(store, c.var.sessionId);
    setSessionCookie(c, await startSession(store, person.id));
    setFlash(c, { kind: 'success', text: 'Your password is set. You are signed in.' });
    return c.redirect('/', 303);
  });

  return routes;
}
