import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { cookieOptions } from '../security/cookie-options.ts';

/** A one-time message for the next page, e.g. after a form post redirects. */
export interface Flash {
  kind: 'success' | 'error' | 'info';
  text: string;
}

const FLASH_COOKIE = 'rs_flash';
const KINDS = new Set(['success', 'error', 'info']);

/** Leaves a message for the page the response redirects to. */
export function setFlash(c: Context, flash: Flash): void {
  setCookie(c, FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString('base64url'), cookieOptions(c, 60));
}

/** The message left by the previous response, once; null when none (or not one of ours). */
export function takeFlash(c: Context): Flash | null {
  const value = getCookie(c, FLASH_COOKIE);
  if (value === undefined) return null;
  deleteCookie(c, FLASH_COOKIE, { path: '/' });
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Flash>;
    if (typeof parsed.text !== 'string' || !KINDS.has(parsed.kind as string)) return null;
    return { kind: parsed.kind!, text: parsed.text.slice(0, 300) };
  } catch {
    return null;
  }
}

/** Errors interrupt a screen reader (role=alert); success and info are announced politely (role=status). */
export const FlashMessage = ({ flash }: { flash: Flash }) => (
  <div class={`flash flash-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
    {flash.text}
  </div>
);
