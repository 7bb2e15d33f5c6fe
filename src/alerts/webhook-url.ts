import { addressRefusal } from '../../scrapers/fetch/ssrf-guard.ts';

/**
 * Why a webhook URL is refused when a rule is saved, or null: http(s) only, no credentials, and an IP literal
 * must be public unless allow-listed. Host names are resolved and checked again by the guard at each post.
 */
export function webhookUrlProblem(text: string, allowHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'an http(s) URL';
  if (url.username || url.password) return 'credentials in the URL are not allowed; sign with the secret instead';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (/^[\d.]+$/.test(host) || host.includes(':')) {
    const why = addressRefusal(host, allowHosts);
    if (why) return `the address ${host} is not allowed (${why})`;
  } else if (host === 'localhost' || host.endsWith('.localhost')) {
    const why = addressRefusal('127.0.0.1', allowHosts);
    if (why && !allowHosts.includes(host)) return `${host} is not allowed (loopback)`;
  }
  return null;
}
