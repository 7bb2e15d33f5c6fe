import { MIN_PASSWORD_LENGTH } from '../../people/people-policy.ts';
import { CSRF_FIELD } from '../security/csrf.ts';

/** The form behind an invite or reset link: choose a password (twice). The link's token travels in a hidden field. */
export const SetPasswordForm = (props: { csrfToken: string; token: string; email: string; error?: string }) => (
  <form method="post" action="/set-password">
    <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
    <input type="hidden" name="token" value={props.token} />
    <p class="muted">
      For <strong>{props.email}</strong>
    </p>
    {props.error && (
      <div class="flash flash-error" role="alert" id="password-error">
        {props.error}
      </div>
    )}
    <input type="email" name="email" autocomplete="username" value={props.email} hidden readonly />
    <div class="field">
      <label for="password">New password</label>
      <input id="password" name="password" type="password" autocomplete="new-password" required minlength={MIN_PASSWORD_LENGTH} aria-describedby="password-hint" />
      <span class="hint" id="password-hint">
        At least {MIN_PASSWORD_LENGTH} characters. A passphrase of a few words is easy to type and hard to guess.
      </span>
    </div>
    <div class="field">
      <label for="confirm">Repeat the password</label>
      <input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength={MIN_PASSWORD_LENGTH} />
    </div>
    <button class="button button-block" type="submit">
      Set password and sign in
    </button>
  </form>
);
