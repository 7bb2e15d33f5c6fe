import { CSRF_FIELD } from '../security/csrf.ts';

/** The sign-in form. `email` refills the field after a failed attempt (focus then goes to the password); `next` is where to go after signing in. */
export const SignInForm = (props: { csrfToken: string; email?: string; next?: string; error?: string }) => (
  <form method="post" action="/sign-in">
    <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
    {props.next && <input type="hidden" name="next" value={props.next} />}
    {props.error && (
      <div class="flash flash-error" role="alert" id="sign-in-error">
        {props.error}
      </div>
    )}
    <div class="field">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required autofocus={!props.email} value={props.email ?? ''} aria-describedby={props.error ? 'sign-in-error' : undefined} />
    </div>
    <div class="field">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required autofocus={Boolean(props.email)} />
    </div>
    <button class="button button-block" type="submit">
      Sign in
    </button>
    <p class="muted">Forgot your password or have no account? Ask an administrator for a link.</p>
  </form>
);
