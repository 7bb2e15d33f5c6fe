import { describe, expect, it } from 'vitest';
import { parsePrice, type ParsedPrice, type PriceHints } from '../../../scrapers/price/parse-price.ts';

const price = (amount: string | null, currency: string | null, currencyText: string | null): ParsedPrice => ({
  amount,
  currency,
  currencyText,
});

function check(rows: [string, ParsedPrice, PriceHints?][]) {
  for (const [text, expected, hints] of rows) {
    it(`${JSON.stringify(text)}${hints ? ` ${JSON.stringify(hints)}` : ''}`, () => {
      expect(parsePrice(text, hints)).toEqual(expected);
    });
  }
}

describe('parsePrice: the issue examples', () => {
  check([
    ['1 234,56 zł', price('1234.56', 'PLN', 'zł')],
    ['12.345 Ft', price('12345', 'HUF', 'Ft')],
    ['€19,99', price('19.99', 'EUR', '€')],
    ['19,99 €', price('19.99', 'EUR', '€')],
    ['$1,299.00', price('1299.00', 'USD', '$')],
    ['kr 1.299,-', price('1299', 'SEK', 'kr')],
    ["CHF 1'299.50", price('1299.50', 'CHF', 'CHF')],
    ['2 999 Kč', price('2999', 'CZK', 'Kč')],
    ['1.299,00 €', price('1299.00', 'EUR', '€')],
    ['Od 49,90 zł/mies.', price('49.90', 'PLN', 'zł')],
    ['Free', price('0', null, null)],
    ['Nicht verfügbar', price(null, null, null)],
    ['', price(null, null, null)],
  ]);
});

describe('parsePrice: separators', () => {
  check([
    ['1\u00a0234,56\u00a0zł', price('1234.56', 'PLN', 'zł')],
    ['7\u202f650,00 €', price('7650.00', 'EUR', '€')],
    ['Preis: 34.000 €', price('34000', 'EUR', '€'), { locale: 'de-DE' }],
    ['Cena 3,500 Kč', price('3500', 'CZK', 'Kč')],
    ['2.450.000 ₫', price('2450000', 'VND', '₫')],
    ['1,234,567.5 USD', price('1234567.5', 'USD', 'USD')],
    ['12.345.678,9 EUR', price('12345678.9', 'EUR', 'EUR')],
    ["Fr. 2'480.–", price('2480', 'CHF', 'Fr.')],
    ['CHF 1’099.95', price('1099.95', 'CHF', 'CHF')],
    ['0.125 €', price('0.125', 'EUR', '€')],
    ['12,5 zł', price('12.5', 'PLN', 'zł')],
    ['€ 8,-', price('8', 'EUR', '€')],
    ['7.629, 45 €', price('7629.45', 'EUR', '€')],
    ['27€ 50', price('27.50', 'EUR', '€')],
    ['.50 $', price('0.50', 'USD', '$')],
    ['₹ 1,23,456', price('123456', 'INR', '₹')],
    ['12.750 KWD', price('12.750', 'KWD', 'KWD')],
    ['007,50 €', price('7.50', 'EUR', '€')],
    ['١٢٣٫٥٠ د.إ', price('123.50', 'AED', 'د.إ')],
    ['１２，５００円', price('12500', 'JPY', '円')],
  ]);
});

describe('parsePrice: currencies', () => {
  check([
    ['350 лв.', price('350', 'BGN', 'лв.')],
    ['99,90 lei', price('99.90', 'RON', 'lei')],
    ['1 200 ден', price('1200', 'MKD', 'ден')],
    ['4 999 ₴', price('4999', 'UAH', '₴')],
    ['£ 12.00', price('12.00', 'GBP', '£')],
    ['¥ 9,800', price('9800', 'JPY', '¥')],
    ['4 500 ISK', price('4500', 'ISK', 'ISK')],
    ['129,00 PLN', price('129.00', 'PLN', 'PLN')],
    ['AU$ 45.00', price('45.00', 'AUD', 'AU$')],
    ['HKD$ 88', price('88', 'HKD', 'HKD$')],
    ['$ 12 CAD', price('12', 'CAD', 'CAD')],
    ['99 eur', price('99', 'EUR', 'eur')],
    ['1 299:-', price('1299', 'SEK', ':-')],
    ['Ph. Eur. grade', price(null, null, null)],
  ]);
});

describe('parsePrice: ambiguous symbols settled by hints', () => {
  check([
    ['$25.00', price('25.00', 'CAD', '$'), { currency: 'CAD' }],
    ['$25.00', price('25.00', 'AUD', '$'), { locale: 'en-AU' }],
    ['$25.00', price('25.00', 'NZD', '$'), { hint: 'All prices in NZD' }],
    ['$25.00', price('25.00', 'USD', '$'), { currency: 'EUR' }],
    ['349 kr', price('349', 'NOK', 'kr'), { locale: 'nb' }],
    ['349 kr', price('349', 'DKK', 'kr'), { locale: 'da-DK' }],
    ['349 kr', price('349', 'ISK', 'kr'), { hint: 'https://www.shop.is/vara/1' }],
    ['¥ 128', price('128', 'CNY', '¥'), { locale: 'zh-CN' }],
    ['99 lei', price('99', 'MDL', 'lei'), { locale: 'ro-MD' }],
    ['49,90 €', price('49.90', 'EUR', '€'), { currency: 'PLN' }],
  ]);
});

describe('parsePrice: currency from the hints when the text has none', () => {
  check([
    ['19,99', price('19.99', 'EUR', null), { currency: 'eur' }],
    ['19,99', price('19.99', 'CZK', 'Kč'), { hint: 'Cena s DPH v Kč' }],
    ['19,99', price('19.99', 'PLN', null), { currency: 'PLN', hint: 'Preis in €' }],
    ['19,99', price('19.99', null, null), { hint: 'In den Warenkorb' }],
    ['19,99', price('19.99', null, null), { currency: 'euro' }],
    ['Price', price(null, 'GBP', '£'), { hint: '£' }],
  ]);
});

describe('parsePrice: was/now pairs and ranges', () => {
  check([
    ['Was £20.00 Now £15.00', price('15.00', 'GBP', '£')],
    ['statt 49,99 € jetzt 39,99 €', price('39.99', 'EUR', '€')],
    ['UVP 129,00 € 99,00 €', price('99.00', 'EUR', '€')],
    ['$19.99 – $29.99', price('19.99', 'USD', '$')],
    ['od 120 do 180 zł', price('120', 'PLN', 'zł')],
    ['Regular price: $40.00 Sale price: $0.00', price('40.00', 'USD', '$')],
  ]);
});

describe('parsePrice: numbers that are not the price', () => {
  check([
    ['Spare 25% – nur 59,00 €', price('59.00', 'EUR', '€')],
    ['-30%', price(null, null, null)],
    ['Inhalt: 0,75 l', price(null, null, null)],
    ['2 kg für 12,40 €', price('12.40', 'EUR', '€')],
    ['Orders $49+ ship free', price(null, 'USD', '$')],
    ['Gratis Versand', price(null, null, null)],
    ['Versandkostenfrei ab 49 €', price(null, 'EUR', '€')],
    ['Free delivery on orders over £50', price(null, 'GBP', '£')],
    ['£19.99 Free delivery', price('19.99', 'GBP', '£')],
    ['Lieferung am 24.12.2025', price(null, null, null)],
    ['Updated March 3, 2024', price(null, null, null)],
    ['Art.-Nr. 2020-0815', price(null, null, null)],
    ['Cena na dotaz', price(null, null, null)],
    ['6x à 16,50 €', price('16.50', 'EUR', '€')],
    ['Modell XR200 nur 349 €', price('349', 'EUR', '€')],
    ['Sie sparen 10,00 € 49,99 €', price('49.99', 'EUR', '€')],
    ['Abholung ab 10:30 Uhr', price(null, null, null)],
    ['Lieferzeit 3-5 Werktage', price(null, null, null)],
    ['Größen 38, 40, 42', price('38', null, null)],
  ]);
});

describe('parsePrice: free', () => {
  check([
    ['Gratis', price('0', null, null)],
    ['Kostenlos!', price('0', null, null)],
    ['Zdarma', price('0', 'CZK', null), { currency: 'CZK' }],
    ['0,00 €', price('0.00', 'EUR', '€')],
  ]);
});

describe('parsePrice: Chinese and Japanese writing', () => {
  check([
    ['一次付清特價 7 折 294 元', price('294', 'CNY', '元')],
    ['特價 7折 294 元', price('294', 'TWD', '元'), { hint: 'https://shop.example.com.tw/p/1' }],
    ['3割引 700円', price('700', 'JPY', '円')],
  ]);
});
