import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';
import { taxSide } from '../../../scrapers/extract/tax-context.ts';
import { productPage, URL } from './fixture-page.ts';

const netFirst = productPage(`<h1>PCIe adapter</h1>
  <div class="prices"><div class="row"><span>bez DPH</span> <span class="price">3,56 €</span></div>
  <div class="row"><span>s DPH</span> <span class="price">4,27 €</span></div></div><button>Do košíka</button>`, { lang: 'sk' });

describe('net and gross prices', () => {
  it('names the side of VAT a text is on, in several languages', () => {
    expect(['€10.00 excl. VAT', 'bez DPH 3,56 €', '12,00 € netto', 'Prix HT 10 €', 'zzgl. MwSt.', 'Cena bez VAT'].map(taxSide)).toEqual(Array(6).fill('net'));
    expect(['€12.10 incl. VAT', 's DPH 4,27 €', 'inkl. MwSt. zzgl. Versandkosten', '12 € TTC', 'Cena z VAT', 'brutto'].map(taxSide)).toEqual(Array(6).fill('gross'));
    expect(['€24.99', 'Net weight 250 g', 'plus shipping', 'excl. VAT / incl. VAT'].map(taxSide)).toEqual([null, null, null, null]);
  });

  it('a consumer pays the gross price, even when the net one is shown first', () => {
    expect(extractOffer({ html: netFirst, url: URL }).offer).toMatchObject({ price: '4.27', currency: 'EUR' });
  });

  it('a B2B shop’s price is the net one', () => {
    expect(extractOffer({ html: netFirst, url: URL, b2b: true }).offer).toMatchObject({ price: '3.56', currency: 'EUR' });
    const gross = productPage(`<h1>Drill</h1><p><span class="price">€121.00</span> incl. VAT</p><p><span class="price">€100.00</span> excl. VAT</p><button>Add to cart</button>`);
    expect(extractOffer({ html: gross, url: URL, b2b: true }).offer.price).toBe('100');
    expect(extractOffer({ html: gross, url: URL }).offer.price).toBe('121');
  });

  it('structured data carrying the net price gives way to the gross price the page shows a consumer', () => {
    const html = productPage(`<h1>Drill</h1><p><span class="price">€100.00</span> excl. VAT</p><p><span class="price">€121.00</span> incl. VAT</p><button>Add to cart</button>`, {
      jsonLd: [{ '@type': 'Product', name: 'Drill', offers: { '@type': 'Offer', price: '100.00', priceCurrency: 'EUR' } }],
    });
    const { offer, provenance } = extractOffer({ html, url: URL });
    expect(offer.price).toBe('121');
    expect(provenance.price).toBe('heuristic');
    expect(extractOffer({ html, url: URL, b2b: true }).offer.price).toBe('100');
  });
});
