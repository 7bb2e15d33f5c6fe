import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { renderPage, renderSignedOutPage } from './render-page.tsx';
import type { WebEnv } from '../web-env.ts';

/** An error as a page, in the shell when someone is signed in: what happened and where to go. */
export function renderErrorPage(c: Context<WebEnv>, status: ContentfulStatusCode, title: string, text: string) {
  const body = (
    <>
      <p>{text}</p>
      <p>
        <a href="/">Go to the overview</a>
      </p>
    </>
  );
  return c.var.person ? renderPage(c, { title, body, status }) : renderSignedOutPage(c, { title, body, status });
}

export const pageNotFound = (c: Context<WebEnv>) => renderErrorPage(c, 404, 'Page not found', 'There is no page at this address.');

export const csrfRefused = (c: Context<WebEnv>) =>
  renderErrorPage(c, 403, 'Form expired', 'This form was not sent from a current rivalscope page. Go back, reload the page and try again.');
