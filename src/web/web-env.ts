import type { Role } from '../permissions.ts';
import type { Assets } from './assets/build-assets.ts';
import type { Flash } from './ui/flash.tsx';
import type { DisplayPrefs } from './ui/display-prefs.ts';

/** The person behind the session cookie. */
export interface SignedInPerson {
  userId: number;
  name: string;
  email: string;
  role: Role;
}

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
    /** Null when nobody is signed in. */
    person: SignedInPerson | null;
  };
}
