import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from '../security/csrf.ts';
import { FlashMessage, type Flash } from '../ui/flash.tsx';
import { BrandMark } from './document.tsx';
import { isCurrent, navFor } from './nav-items.ts';
import type { Person } from '../../store/people.ts';

/** The frame of every signed-in page: skip link, top bar (brand, navigation for the role, the person, sign-out), main, footer. */
export const AppShell = (props: { title: string; path: string; person: Person; csrfToken: string; flash: Flash | null; children: Child }) => (
  <>
    <a class="skip-link" href="#main">
      Skip to content
    </a>
    <header class="topbar">
      <div class="topbar-inner">
        <a class="brand" href="/">
          <BrandMark />
          rivalscope
        </a>
        <nav class="main-nav" aria-label="Main">
          <ul>
            {navFor(props.person.role).map((item) => (
              <li>
                <a href={item.href} aria-current={isCurrent(item, props.path) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="account">
          <span class="account-who">
            <span class="account-name">{props.person.displayName}</span> <span class="account-role">({props.person.role})</span>
          </span>
          <form method="post" action="/sign-out">
            <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
            <button class="link-button" type="submit">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
    <main id="main" class="page" tabindex={-1}>
      <h1>{props.title}</h1>
      {props.flash && <FlashMessage flash={props.flash} />}
      {props.children}
    </main>
    <footer class="footer">
      <div class="footer-inner">
        <span>rivalscope — competitor offers and touchpoint audits</span>
        <a href="/api/docs">API reference</a>
      </div>
    </footer>
  </>
);
