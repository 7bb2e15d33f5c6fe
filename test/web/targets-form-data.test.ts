import { describe, expect, it } from 'vitest';
import { TargetInput } from '../../src/schemas/target.ts';
import { parseTargetForm, readTargetForm, targetFormValues } from '../../src/web/targets/target-form-data.ts';
import { matchSelectors } from '../../src/web/targets/try-target.ts';

const form = (extra: Record<string, string> = {}) =>
  readTargetForm({ businessId: '1', productId: '2', url: 'https://shop.example/p', fetch: 'auto', schedule: '0 */6 * * *', enabled: 'on', ...extra });

describe('the target form', () => {
  it('reads `selector @attribute` as an attribute pick and leaves an empty recipe out', () => {
    const plain = parseTargetForm(TargetInput, form());
    expect(plain).toMatchObject({ ok: true, data: { recipe: null, enabled: true, respectRobots: false, currency: null } });
    const picked = parseTargetForm(TargetInput, form({ 'selector.price': 'meta[itemprop=price] @content', 'selector.name': 'h1' }));
    expect(picked).toMatchObject({ ok: true, data: { recipe: { selectors: { price: { selector: 'meta[itemprop=price]', attribute: 'content' }, name: 'h1' } } } });
  });

  it('puts each problem on its field: JSON that is not JSON, a bad custom field, a missing business', () => {
    const notJson = parseTargetForm(TargetInput, form({ recipeMore: '{fields: ' }));
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.errors.recipeMore).toMatch(/^This is not JSON/);
    const badField = parseTargetForm(TargetInput, form({ recipeMore: '{"fields": [{"key": "Bad Key", "selector": "b", "type": "text"}]}', businessId: '' }));
    expect(!badField.ok && badField.errors).toMatchObject({
      recipeMore: expect.stringContaining('fields.0.key: camelCase key'),
      businessId: 'Choose the business whose page this is.',
    });
  });

  it('shows a saved recipe as the form had it', () => {
    const parsed = parseTargetForm(TargetInput, form({ 'selector.price': '.p @data-amount', recipeMore: '{"waitFor": ".ready"}' }));
    if (!parsed.ok) throw new Error('form refused');
    const values = targetFormValues({ ...parsed.data, id: 1, learnedMode: null, health: 'ok', healthReason: null, consecutiveFailures: 0, nextRunAt: null, lastSuccessAt: null, createdAt: '', updatedAt: '' });
    expect(values.selectors.price).toBe('.p @data-amount');
    expect(JSON.parse(values.recipeMore)).toMatchObject({ waitFor: '.ready' });
  });
});

describe('selector matches', () => {
  it('names what each selector matched, nothing, or that it is not CSS', () => {
    const html = '<h1> Espresso  250 g </h1><meta itemprop="price" content="19.99"><li class="promo">-10%</li><li class="promo">Free bag</li>';
    const matches = matchSelectors(html, {
      selectors: { name: 'h1', price: { selector: 'meta[itemprop=price]', attribute: 'content' }, promotions: '.promo', brand: '.brand', sku: 'a[' },
      fields: [],
      steps: [],
    });
    expect(matches).toEqual([
      { field: 'name', selector: 'h1', attribute: null, texts: ['Espresso 250 g'], count: 1, invalid: false },
      { field: 'price', selector: 'meta[itemprop=price]', attribute: 'content', texts: ['19.99'], count: 1, invalid: false },
      { field: 'promotions', selector: '.promo', attribute: null, texts: ['-10%', 'Free bag'], count: 2, invalid: false },
      { field: 'brand', selector: '.brand', attribute: null, texts: [], count: 0, invalid: false },
      { field: 'sku', selector: 'a[', attribute: null, texts: [], count: 0, invalid: true },
    ]);
  });
});
