import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../src/catalogue/read-catalogue.ts';

async function read(content: string | Buffer, chunkSize = 7) {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  async function* source() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const rows = [];
  for await (const row of readCatalogue(source())) rows.push(row);
  return rows;
}

const empty = { sku: null, gtin: null, mpn: null, brand: null, price: null, currency: null, url: null, category: null };

describe('readCatalogue', () => {
  it('reads a comma CSV with English headers, a quoted name over two lines and per-row errors', async () => {
    const csv =
      'SKU,Product Name,EAN,Brand,MPN,Price,Currency,URL,Category\n' +
      'A1,"Espresso\n250 g",4006381333931,Lavazza,LV-250,12.99,EUR,https://shop.test/a1,Coffee\n' +
      'A2,,,,,,,,\n' +
      'A3,Grinder,4006381333932,,,,,,\n' +
      'A4,Mug,,,,cheap,,,\n';
    expect(await read(csv)).toEqual([
      { line: 2, name: 'Espresso 250 g', sku: 'A1', gtin: '04006381333931', mpn: 'LV-250', brand: 'Lavazza', price: '12.99', currency: 'EUR', url: 'https://shop.test/a1', category: 'Coffee' },
      { line: 4, reason: 'no product name' },
      { line: 5, reason: '"4006381333932" is not a valid GTIN (8, 12, 13 or 14 digits with a check digit)' },
      { line: 6, reason: '"cheap" is not a price' },
    ]);
  });

  it('reads a semicolon CSV saved by Excel in Windows-1250 with Czech headers and a decimal comma', async () => {
    const csv = iconv.encode('Kód;Název;Cena s DPH;Měna;Výrobce\r\nK-7;Čaj zelený 50 g;1 299,50;CZK;Čajovna Šťastná\r\n', 'windows-1250');
    expect(await read(csv)).toEqual([{ ...empty, line: 2, name: 'Čaj zelený 50 g', sku: 'K-7', price: '1299.50', currency: 'CZK', brand: 'Čajovna Šťastná' }]);
  });

  it('reads a TSV with Merchant Center headers and prices with their currency', async () => {
    const tsv = '\uFEFFid\ttitle\tlink\tprice\tsale_price\tgtin\tproduct_type\n1\tKettle\thttps://s.test/1\t12.99 USD\t\t037000971924\tHome > Kitchen\n';
    expect(await read(tsv)).toEqual([
      { ...empty, line: 2, name: 'Kettle', sku: '1', url: 'https://s.test/1', price: '12.99', currency: 'USD', gtin: '00037000971924', category: 'Home > Kitchen' },
    ]);
  });

  it('says so when no column holds the product name', async () => {
    expect(await read('sku,price\n1,2\n')).toEqual([{ line: 1, reason: 'no column for the product name (name, title, …) in the header' }]);
  });

  it('streams a Merchant Center RSS 2.0 feed with the g: namespace, CDATA and entities', async () => {
    const xml = `<?xml version="1.0"?>
<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel><title>Shop</title><link>https://s.test</link>
<item>
  <g:id>TV-1</g:id>
  <title><![CDATA[Panasonic TX-55JX940E & stand]]></title>
  <link>https://s.test/tv-1</link>
  <g:price>22990.00 CZK</g:price>
  <g:sale_price>21990.00 CZK</g:sale_price>
  <g:brand>Panasonic</g:brand><g:mpn>TX-55JX940E</g:mpn><g:gtin>5025232915408</g:gtin>
  <g:product_type>TV &amp; Audio</g:product_type>
  <g:shipping><g:country>CZ</g:country><g:price>99 CZK</g:price></g:shipping>
</item>
<item><g:id>X</g:id></item>
</channel></rss>`;
    expect(await read(xml, 13)).toEqual([
      {
        line: 3, name: 'Panasonic TX-55JX940E & stand', sku: 'TV-1', url: 'https://s.test/tv-1', price: '21990.00', currency: 'CZK',
        brand: 'Panasonic', mpn: 'TX-55JX940E', gtin: '05025232915408', category: 'TV & Audio',
      },
      { line: 13, reason: 'no product name' },
    ]);
  });

  it('reads an Atom feed with the link as an attribute', async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
<entry><g:id>7</g:id><title>Mug</title><link href="https://s.test/7"/><g:price>4.50 EUR</g:price></entry></feed>`;
    expect(await read(xml)).toEqual([{ ...empty, line: 2, name: 'Mug', sku: '7', url: 'https://s.test/7', price: '4.50', currency: 'EUR' }]);
  });
});
