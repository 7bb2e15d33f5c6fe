/** How a person reads dates and amounts: a BCP 47 locale and an IANA time zone. */
export interface DisplayPrefs {
  locale: string;
  timeZone: string;
}

export const DEFAULT_PREFS: DisplayPrefs = { locale: 'en-GB', timeZone: 'UTC' };

/** The first language of Accept-Language that Intl supports, by quality; else en-GB. */
export function localeFrom(acceptLanguage: string | undefined): string {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // not a well-formed language tag
    }
  }
  return DEFAULT_PREFS.locale;
}

/** The time zone the browser reported (see client/time-zone.ts) when Intl knows it; else UTC. */
export function timeZoneFrom(cookie: string | undefined): string {
  if (!cookie || cookie.length > 64) return DEFAULT_PREFS.timeZone;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: cookie }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_PREFS.timeZone;
  }
}
