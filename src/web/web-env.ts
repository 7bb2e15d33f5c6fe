import type { Person } from '../store/people.ts';
import type { Assets } from './assets/build-assets.ts';
import type { Flash } from './ui/flash.tsx';
import type { DisplayPrefs } from './ui/display-prefs.ts';

/** What the page middleware puts on every request before a page handler runs. */
export interface WebEnv {
  Variables: {
    requestId: string;
    /** Set by hono's secure-headers middleware: the CSP nonce of this response. */
    secureHeadersNonce: string;
    /** The synchronizer token for forms and htmx requests of this page. */
    csrfToken: string;
    prefs: DisplayPrefs;
    assets: Assets;
    /** A message left by the previous request (post-redirect-get), shown once. */
    flash: Flash | null;
    /** The person behind the session cookie; null when nobody is signed in. */
    person: Person | null;
    /** The live session's id (from the cookie); null when nobody is signed in. */
    sessionId: string | null;
  };
}
