/** How long sign-ins and links last. */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
/** A session's last use is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 60_000;
export const LINK_TTL_MS = 72 * 60 * 60_000;

export const MIN_PASSWORD_LENGTH = 12;
/** scrypt of a longer input costs the same, but there is no reason to accept megabytes. */
export const MAX_PASSWORD_LENGTH = 1024;

/** What is wrong with a new password, in words for the person choosing it; null when it will do. */
export function passwordProblem(password: string, confirm: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password may have at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password !== confirm) return 'The two passwords differ.';
  return null;
}
