const INVISIBLE = /<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi;
const MOUNT_POINT = /<div\b[^>]*\bid\s*=\s*["']?(root|app|__next|__nuxt|q-app|svelte|main-app|application)["']?[^>]*>\s*<\/div>/i;
const NEEDS_JS = /<noscript\b[^>]*>[\s\S]*?(enable|requires?|turn on)[\s\S]{0,40}javascript[\s\S]*?<\/noscript>/i;

/** Roughly the text a visitor would see, without markup. */
export function visibleText(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(INVISIBLE, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether a statically fetched page is a shell that JavaScript fills in: hardly any visible text, an empty
 * mount point such as `<div id="root"></div>` with script bundles, or a "please enable JavaScript" notice.
 */
export function isScriptShell(html: string): boolean {
  const textLength = visibleText(html).length;
  const scripts = (html.match(/<script\b[^>]*\bsrc\s*=/gi) ?? []).length;
  if (textLength < 150) return true;
  if (MOUNT_POINT.test(html) && scripts > 0 && textLength < 2_000) return true;
  return NEEDS_JS.test(html) && textLength < 2_000;
}
