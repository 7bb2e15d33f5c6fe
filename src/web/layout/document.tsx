import type { Child } from 'hono/jsx';
import type { Assets } from '../assets/build-assets.ts';

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cdefs%3E%3ClinearGradient id='g' x2='1' y2='1'%3E%3Cstop stop-color='%233d8bfd'/%3E%3Cstop offset='1' stop-color='%2319c3a6'/%3E%3C/linearGradient%3E%3C/defs%3E%3Crect width='16' height='16' rx='4' fill='url(%23g)'/%3E%3C/svg%3E";

/** <html> with the head every page shares: our stylesheet and script (nonce'd), the CSRF token for htmx. */
export const Document = (props: { title: string; locale: string; assets: Assets; nonce: string; csrfToken: string; children: Child }) => (
  <html lang={props.locale}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="csrf-token" content={props.csrfToken} />
      <title>{`${props.title} · rivalscope`}</title>
      <link rel="icon" href={FAVICON} />
      <link rel="stylesheet" href={props.assets.stylePath} />
      <script type="module" src={props.assets.scriptPath} nonce={props.nonce}></script>
    </head>
    <body>{props.children}</body>
  </html>
);

export const BrandMark = () => <span class="brand-mark" aria-hidden="true"></span>;
