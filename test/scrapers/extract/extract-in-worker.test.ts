import { afterAll, describe, expect, it } from 'vitest';
import { ExtractionPool } from '../../../scrapers/extract/extract-in-worker.ts';
import { ExtractionError } from '../../../scrapers/extract/extraction-error.ts';

const URL = 'https://shop.example/espresso';
const page = (body: string): string => `<!doctype html><html><head><title>Espresso Beans 250 g</title></head><body>${body}</body></html>`;
const NORMAL = page('<main><h1>Espresso Beans 250 g</h1><span class="price">€12.49</span><button>Add to cart</button></main>');
/** Seconds of work on any implementation: 30,000 price-looking cards to score. */
const HEAVY = page(`<main><h1>Espresso</h1><span class="price">€12.49</span></main>${'<div class="c"><a href="/x"><img src="a.jpg">€5.00</a></div>'.repeat(30_000)}`);

const pool = new ExtractionPool({ size: 2 });
afterAll(() => pool.close());

describe('ExtractionPool', () => {
  it('extracts a page in a worker thread', async () => {
    const { offer, provenance } = await pool.extract({ html: NORMAL, url: URL });
    expect(offer).toMatchObject({ name: 'Espresso Beans 250 g', price: '12.49', currency: 'EUR' });
    expect(provenance.price).toBe('heuristic');
  });

  it('passes typed extraction errors through', async () => {
    const err = await pool.extract({ html: page('<p></p>'), url: URL }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractionError);
    expect(err).toMatchObject({ code: 'extraction_empty' });
  });

  it('fails a page past the hard limit with extraction_timeout, terminates its worker and keeps working', async () => {
    const slow = pool.extract({ html: HEAVY, url: URL }, { timeoutMs: 20 });
    // The other worker is free meanwhile.
    const meanwhile = pool.extract({ html: NORMAL, url: URL });
    const err = await slow.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractionError);
    expect(err).toMatchObject({ code: 'extraction_timeout', retryable: false });
    expect((await meanwhile).offer.price).toBe('12.49');
    expect((await pool.extract({ html: NORMAL, url: URL })).offer.price).toBe('12.49');
    expect(pool.stats()).toMatchObject({ timeouts: 1, busy: 0, queued: 0 });
  });

  it('fails queued pages when closed', async () => {
    const closing = new ExtractionPool({ size: 1 });
    const pending = expect(closing.extract({ html: NORMAL, url: URL })).rejects.toThrow(/closed/);
    await closing.close();
    await pending;
    await expect(closing.extract({ html: NORMAL, url: URL })).rejects.toThrow(/closed/);
  });
});
