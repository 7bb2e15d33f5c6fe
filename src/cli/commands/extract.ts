import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../../../scrapers/extract/decode-html.ts';
import { extractOffer, ExtractionError } from '../../../scrapers/extract/extract-offer.ts';
import { emptyOffer, type Offer, type Provenance } from '../../../scrapers/offer.ts';
import { recipeSchema, type Recipe } from '../../../scrapers/recipe.ts';
import { loadConfig, type Config } from '../../config.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';

type Mode = 'static' | 'browser' | 'auto';

interface Page {
  html: string;
  url: string;
}

type Line = { source: string } & Omit<Offer, 'fields'> & { fields: Offer['fields']; provenance: Provenance; error: string | null };

async function readRecipe(file: string): Promise<Recipe> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read recipe ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = recipeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(`invalid recipe ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

async function readFileSource(source: string): Promise<Page> {
  const path = resolve(source);
  let bytes: Uint8Array = await readFile(path);
  if (source.endsWith('.gz')) bytes = gunzipSync(bytes);
  return { html: decodeHtml(bytes), url: pathToFileURL(path).href };
}

/**
 * Fetches URL sources with the fetcher the scheduler uses (SSRF guard, limits and browser pool from the config),
 * loaded only when a source is a URL; the browser starts only when a source needs it.
 */
async function urlReader(config: Config, mode: Mode, recipe: Recipe | undefined, locale: string | undefined) {
  const { createPageFetcher } = await import('../../fetching/page-fetcher.ts');
  // The CLI prints no screenshots: none are taken.
  const fetcher = createPageFetcher({ ...config, screenshotMaxBytes: 0 });
  const request = { recipe: recipe ?? null, locale: locale ?? null, timeoutMs: config.runTimeoutMs };
  return {
    async read(url: string): Promise<Page> {
      const page = mode === 'auto' ? await fetcher.fetchAuto(url, { ...request, remembered: null, hasPrice }) : await fetcher.fetch(url, mode, request);
      return { html: page.html, url: page.url };
    },
    close: () => fetcher.close(),
  };
}

function hasPrice(html: string, url: string): boolean {
  try {
    return extractOffer({ html, url }).offer.price !== null;
  } catch {
    return false;
  }
}

function failedLine(source: string, error: string): Line {
  return { source, ...emptyOffer(), provenance: {}, error };
}

function message(err: unknown): string {
  if (err instanceof ExtractionError) return `${err.code}${err.field ? ` (${err.field})` : ''}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

export const command: Command = {
  summary: 'Extract the offer (price, stock, identifiers, promotions, recipe fields) from HTML files or URLs',
  usage:
    'rivalscope extract [--static|--browser|--auto] [--locale L] [--currency C] [--recipe FILE] SOURCE...\n' +
    '  SOURCE: a file (.html or .html.gz) or an http(s) URL (fetched with the SSRF guard; RIVALSCOPE_ALLOW_HOSTS opens private hosts)\n' +
    '  one JSON line per source, in order: {"source","name","price","regularPrice","currency","availability","sku","gtin",\n' +
    '  "brand","promotions","fields","provenance","error"}; exit 1 when any source failed',
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        static: { type: 'boolean' },
        browser: { type: 'boolean' },
        auto: { type: 'boolean' },
        locale: { type: 'string' },
        currency: { type: 'string' },
        recipe: { type: 'string' },
      },
      true,
    );
    const modes = (['static', 'browser', 'auto'] as const).filter((m) => values[m]);
    if (modes.length > 1) throw new UsageError('choose one of --static, --browser, --auto');
    if (!positionals.length) throw new UsageError('give at least one SOURCE');
    if (values.currency !== undefined && !/^[A-Za-z]{3}$/.test(values.currency)) throw new UsageError('--currency must be an ISO 4217 code such as EUR');
    const recipe = values.recipe ? await readRecipe(values.recipe) : undefined;
    const needsNetwork = positionals.some((s) => /^https?:\/\//i.test(s));
    const reader = needsNetwork ? await urlReader(loadConfig(), modes[0] ?? 'static', recipe, values.locale) : null;
    let failed = false;
    try {
      for (const source of positionals) {
        let line: Line;
        try {
          const page = reader && /^https?:\/\//i.test(source) ? await reader.read(source) : await readFileSource(source);
          const { offer, provenance } = extractOffer({ ...page, locale: values.locale, currency: values.currency, recipe });
          line = { source, ...offer, provenance, error: null };
        } catch (err) {
          failed = true;
          line = failedLine(source, message(err));
        }
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    } finally {
      await reader?.close();
    }
    return failed ? 1 : 0;
  },
};
