import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppShell } from './app-shell.tsx';
import { AuthShell } from './auth-shell.tsx';
import { Document } from './document.tsx';
import type { WebEnv } from '../web-env.ts';

interface PageOptions {
  title: string;
  body: Child;
  status?: ContentfulStatusCode;
}

function send(c: Context<WebEnv>, title: string, frame: Child, status: ContentfulStatusCode = 200) {
  const { assets, secureHeadersNonce: nonce, csrfToken, prefs } = c.var;
  const page = (
    <Document title={title} locale={prefs.locale} assets={assets} nonce={nonce} csrfToken={csrfToken}>
      {frame}
    </Document>
  );
  c.header('cache-control', 'no-store');
  return c.html(html`<!doctype html>${page}`, status);
}

/** A signed-in page in the app shell. */
export function renderPage(c: Context<WebEnv>, { title, body, status }: PageOptions) {
  const person = c.var.person;
  if (!person) throw new Error('renderPage needs a signed-in person; use renderSignedOutPage');
  const frame = (
    <AppShell title={title} path={c.req.path} person={person} csrfToken={c.var.csrfToken} flash={c.var.flash}>
      {body}
    </AppShell>
  );
  return send(c, title, frame, status);
}

/** A page for people who are not signed in (sign-in, set password, errors before sign-in). */
export function renderSignedOutPage(c: Context<WebEnv>, { title, body, status }: PageOptions) {
  return send(c, title, <AuthShell title={title} flash={c.var.flash}>{body}</AuthShell>, status);
}
