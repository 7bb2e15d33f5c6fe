import { describe, expect, it } from 'vitest';
import { extractOffer, ExtractionError } from '../../../scrapers/extract/extract-offer.ts';
import { recipeSchema, type RecipeInput } from '../../../scrapers/recipe.ts';
import { productPage, URL } from './fixture-page.ts';

const html = productPage(
  `<div class="pdp">
    <h1>Espresso 250 g</h1>
    <span class="price">€12.90</span>
    <span class="our-price" data-amount="11.49">Club price €11,49</span>
    <span class="art">Art. 4471-B</span>
    <ul class="terms">
      <li class="points">Earn 2.5 points per €1</li>
      <li class="free-shipping">Free shipping from 1 234,50 zł</li>
      <li class="returns">Rückgabe innerhalb von 30 Tagen</li>
      <li class="returns-weeks">2 weeks to return</li>
      <li class="support">Support: 24 h</li>
      <li class="discount">Members save 7,5 %</li>
      <li class="gift">Gift wrapping: nein</li>
      <li class="warranty">Gwarancja: tak</li>
      <li class="express">Express delivery</li>
      <li class="loyalty">  Coffee Club Gold  </li>
    </ul>
    <p class="stock-label">Nicht auf Lager</p>
  </div>`,
  { jsonLd: [{ '@type': 'Product', name: 'Espresso', sku: 'ESP', offers: { '@type': 'Offer', price: '12.90', priceCurrency: 'EUR' } }] },
);

const recipe = (input: RecipeInput) => recipeSchema.parse(input);

describe('recipes', () => {
  it('selectors override any field, with provenance recipe', () => {
    const { offer, provenance } = extractOffer({
      html,
      url: URL,
      recipe: recipe({
        selectors: {
          price: { selector: '.our-price', attribute: 'data-amount' },
          name: 'h1',
          sku: '.art',
          availability: '.stock-label',
          promotions: '.terms .discount',
          currency: { selector: 'meta[name="nope"], .price' },
        },
      }),
    });
    expect(offer).toMatchObject({ price: '11.49', name: 'Espresso 250 g', sku: 'Art. 4471-B', availability: 'OutOfStock', promotions: ['Members save 7,5 %'], currency: 'EUR' });
    expect(provenance).toMatchObject({ price: 'recipe', name: 'recipe', sku: 'recipe', availability: 'recipe', promotions: 'recipe', currency: 'recipe' });
  });

  it('custom fields are typed and normalised', () => {
    const { offer, provenance } = extractOffer({
      html,
      url: URL,
      locale: 'en',
      recipe: recipe({
        fields: [
          { key: 'pointsPerUnit', selector: '.points', type: 'number', better: 'higher' },
          { key: 'freeShippingFrom', selector: '.free-shipping', type: 'money', better: 'lower' },
          { key: 'returnDays', selector: '.returns', type: 'duration', better: 'higher' },
          { key: 'returnWeeks', selector: '.returns-weeks', type: 'duration' },
          { key: 'supportDays', selector: '.support', type: 'duration' },
          { key: 'memberDiscount', selector: '.discount', type: 'percent' },
          { key: 'giftWrap', selector: '.gift', pattern: ':\\s*(\\w+)', type: 'boolean' },
          { key: 'warranty', selector: '.warranty', pattern: ':\\s*(\\w+)', type: 'boolean' },
          { key: 'express', selector: '.express', type: 'boolean' },
          { key: 'loyaltyTier', selector: '.loyalty', type: 'text' },
        ],
      }),
    });
    expect(offer.fields).toEqual({
      pointsPerUnit: { value: '2.5', text: 'Earn 2.5 points per €1' },
      freeShippingFrom: { value: '1234.50', currency: 'PLN', text: 'Free shipping from 1 234,50 zł' },
      returnDays: { value: '30', text: 'Rückgabe innerhalb von 30 Tagen' },
      returnWeeks: { value: '14', text: '2 weeks to return' },
      supportDays: { value: '1', text: 'Support: 24 h' },
      memberDiscount: { value: '7.5', text: 'Members save 7,5 %' },
      giftWrap: { value: false, text: 'nein' },
      warranty: { value: true, text: 'tak' },
      express: { value: true, text: 'Express delivery' },
      loyaltyTier: { value: 'Coffee Club Gold', text: 'Coffee Club Gold' },
    });
    expect(provenance['fields.returnDays']).toBe('recipe');
  });

  it('a selector that matches nothing is an ExtractionError naming the field', () => {
    const attempt = (input: RecipeInput) => () => extractOffer({ html, url: URL, recipe: recipe(input) });
    expect(attempt({ selectors: { price: '.no-such-price' } })).toThrow(expect.objectContaining({ code: 'recipe_no_match', field: 'price' }));
    expect(attempt({ fields: [{ key: 'returnDays', selector: '.nope', type: 'duration' }] })).toThrow(
      expect.objectContaining({ code: 'recipe_no_match', field: 'fields.returnDays' }),
    );
    expect(attempt({ fields: [{ key: 'points', selector: '.points', pattern: 'Punkte (\\d+)', type: 'number' }] })).toThrow(
      expect.objectContaining({ code: 'recipe_no_match', field: 'fields.points' }),
    );
    expect(attempt({ fields: [{ key: 'points', selector: '.loyalty', type: 'number' }] })).toThrow(
      expect.objectContaining({ code: 'recipe_no_match', field: 'fields.points' }),
    );
    expect(attempt({ selectors: { price: '.stock-label' } })).toThrow(ExtractionError);
  });
});
