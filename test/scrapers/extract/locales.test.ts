import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';
import { productPage, URL } from './fixture-page.ts';

/** locale, visible price text, expected amount and currency, out-of-stock phrase, in-stock phrase, buy button. */
const LOCALES: [string, string, string, string, string, string, string][] = [
  ['pl-PL', '1 234,56 zł', '1234.56', 'PLN', 'Brak w magazynie', 'Dostępny', 'Do koszyka'],
  ['hu-HU', '12 345 Ft', '12345', 'HUF', 'Nincs készleten', 'Raktáron', 'Kosárba'],
  ['de-DE', '1.299,00 €', '1299', 'EUR', 'Ausverkauft', 'Auf Lager', 'In den Warenkorb'],
  ['de-AT', '34.000 €', '34000', 'EUR', 'Derzeit nicht verfügbar', 'Sofort lieferbar', 'In den Warenkorb'],
  ['hr-HR', '1.299,00 kn', '1299', 'HRK', 'Rasprodano', 'Na zalihi', 'Dodaj u košaricu'],
  ['cs-CZ', '2 999 Kč', '2999', 'CZK', 'Není skladem', 'Skladem', 'Do košíku'],
  ['sk-SK', '54,50 €', '54.50', 'EUR', 'Vypredané', 'Na sklade', 'Do košíka'],
  ['sl-SI', '40,00 €', '40', 'EUR', 'Ni na zalogi', 'Na zalogi', 'V košarico'],
  ['ro-RO', '173,34 lei', '173.34', 'RON', 'Stoc epuizat', 'În stoc', 'Adaugă în coș'],
  ['fr-FR', '19,99 €', '19.99', 'EUR', 'Épuisé', 'En stock', 'Ajouter au panier'],
  ['es-ES', '19,99 €', '19.99', 'EUR', 'Agotado', 'Disponible', 'Añadir al carrito'],
  ['it-IT', '€ 19,99', '19.99', 'EUR', 'Esaurito', 'Disponibile', 'Aggiungi al carrello'],
  ['pt-PT', '19,99 €', '19.99', 'EUR', 'Esgotado', 'Em stock', 'Comprar'],
  ['nl-NL', '€ 19,99', '19.99', 'EUR', 'Uitverkocht', 'Op voorraad', 'In winkelwagen'],
  ['sv-SE', '1 299 kr', '1299', 'SEK', 'Slutsåld', 'I lager', 'Lägg i varukorgen'],
  ['fi-FI', '19,99 €', '19.99', 'EUR', 'Loppuunmyyty', 'Varastossa', 'Lisää ostoskoriin'],
  ['el-GR', '19,99 €', '19.99', 'EUR', 'Εξαντλήθηκε', 'Διαθέσιμο', 'Προσθήκη στο καλάθι'],
  ['en-GB', '£1,299.00', '1299', 'GBP', 'Out of stock', 'In stock', 'Add to basket'],
];

const page = (name: string, price: string, stock: string, buy: string, markupInStock: boolean) =>
  productPage(`
    <div class="product-detail"${markupInStock ? ' itemscope itemtype="https://schema.org/Product"' : ''}>
      <h1${markupInStock ? ' itemprop="name"' : ''}>${name}</h1>
      ${markupInStock ? '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><link itemprop="availability" href="https://schema.org/InStock"></div>' : ''}
      <div class="product-price"><span class="price">${price}</span></div>
      <p class="availability">${stock}</p>
      <button type="submit">${buy}</button>
    </div>`);

describe.each(LOCALES)('locale %s', (locale, priceText, amount, currency, outOfStock, inStock, buy) => {
  it(`reads "${priceText}" and lets "${outOfStock}" override markup InStock`, () => {
    const { offer, provenance } = extractOffer({ html: page('Kaffeemühle Retro', priceText, outOfStock, buy, true), url: URL, locale });
    expect(offer).toMatchObject({ price: amount, currency, availability: 'OutOfStock' });
    expect(provenance).toMatchObject({ price: 'heuristic', availability: 'heuristic' });
  });

  it(`reads "${inStock}" as InStock when markup says nothing`, () => {
    expect(extractOffer({ html: page('Kaffeemühle Retro', priceText, inStock, buy, false), url: URL, locale }).offer.availability).toBe('InStock');
  });
});
