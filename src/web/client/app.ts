import htmx from 'htmx.org';
import { rememberTimeZone } from './time-zone.ts';

// Our CSP allows no eval and no inline styles: htmx's hx-on attributes, inline <script> in swapped fragments
// and its injected indicator <style> are off (the indicator classes live in app.css).
Object.assign(htmx.config, {
  allowEval: false,
  allowScriptTags: false,
  includeIndicatorStyles: false,
  selfRequestsOnly: true,
  historyCacheSize: 0,
});

// Every htmx request carries the page's CSRF token, like forms do with their hidden field.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content;
  if (token) (event as CustomEvent<{ headers: Record<string, string> }>).detail.headers['X-CSRF-Token'] = token;
});

rememberTimeZone();
