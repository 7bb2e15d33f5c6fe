import type { Child } from 'hono/jsx';
import { FlashMessage, type Flash } from '../ui/flash.tsx';
import { BrandMark } from './document.tsx';

/** The frame of signed-out pages (sign in, set a password): one centred card under the brand. */
export const AuthShell = (props: { title: string; flash: Flash | null; children: Child }) => (
  <main id="main" class="auth-page">
    <div class="auth-card">
      <a class="auth-brand" href="/">
        <BrandMark />
        rivalscope
      </a>
      <div class="card">
        <h1>{props.title}</h1>
        {props.flash && <FlashMessage flash={props.flash} />}
        {props.children}
      </div>
    </div>
  </main>
);
