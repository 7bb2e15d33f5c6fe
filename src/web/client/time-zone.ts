/** The cookie the server reads to show dates in the person's time zone (UTC until the browser has told it). */
export const TIME_ZONE_COOKIE = 'rs_tz';

/** Stores the browser's IANA time zone in a cookie when it differs from the one stored; pages rendered after that use it. */
export function rememberTimeZone(): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  const current = document.cookie.split('; ').find((c) => c.startsWith(`${TIME_ZONE_COOKIE}=`));
  const value = encodeURIComponent(zone);
  if (current === `${TIME_ZONE_COOKIE}=${value}`) return;
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${TIME_ZONE_COOKIE}=${value}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
