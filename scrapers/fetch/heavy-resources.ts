import type { Page } from 'playwright';

/** Chromium flag that stops every image load (img, CSS backgrounds, favicons) without intercepting requests. */
export const NO_IMAGES_ARG = '--blink-settings=imagesEnabled=false';

const HEAVY_EXTENSIONS = ['woff', 'woff2', 'ttf', 'otf', 'eot', 'mp4', 'webm', 'mov', 'm4v', 'mp3', 'm4a', 'ogg', 'oga', 'ogv', 'wav', 'flac', 'aac', 'm3u8', 'mpd'];

/** URL patterns (Chromium wildcards) of fonts and media, with and without a query string. */
export const HEAVY_URL_PATTERNS: readonly string[] = HEAVY_EXTENSIONS.flatMap((ext) => [`*.${ext}`, `*.${ext}?*`]);

/**
 * Makes Chromium itself refuse fonts and media on this page (CDP Network.setBlockedURLs): no protocol round-trip
 * per request, unlike request interception. Once per page; a reused page keeps it. `onBlocked` counts refusals.
 */
export async function blockHeavyResources(page: Page, patterns: readonly string[], onBlocked: () => void): Promise<void> {
  if (patterns.length === 0) return;
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.loadingFailed', (event) => {
    if (event.blockedReason === 'inspector') onBlocked();
  });
  await cdp.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
  await cdp.send('Network.setBlockedURLs', { urls: [...patterns] });
}
