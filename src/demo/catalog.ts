import type { RecipeInput } from '../../scrapers/recipe.ts';

export type ShopKey = 'own' | 'wisla' | 'kave' | 'jadran';
export type ProductKey = 'espresso' | 'filter';
/** How a shop publishes its offer: JSON-LD, microdata, plain text only, or a JavaScript app that fetches JSON. */
export type Markup = 'json-ld' | 'microdata' | 'text' | 'script';

export interface DemoProduct {
  key: ProductKey;
  name: string;
  gtin: string;
}

export interface DemoShop {
  key: ShopKey;
  name: string;
  own: boolean;
  locale: string;
  currency: string;
  /** Digits after the decimal point in this currency's prices. */
  decimals: number;
  markup: Markup;
  /** Product names as the shop shows them. */
  titles: Record<ProductKey, string>;
  /** Starting prices in minor units. */
  prices: Record<ProductKey, number>;
  /** Loyalty points per currency unit, and the order value above which shipping is free (minor units). */
  loyaltyPoints: number;
  freeShippingFromMinor: number;
  text: { loyalty: string; shipping: string; inStock: string; outOfStock: string; promotion: string };
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { key: 'espresso', name: 'Espresso beans 1 kg', gtin: '5901234123457' },
  { key: 'filter', name: 'Filter coffee 250 g', gtin: '5901234123464' },
];

export const DEMO_SHOPS: readonly DemoShop[] = [
  {
    key: 'own',
    name: 'Kawiarnia Domowa',
    own: true,
    locale: 'pl-PL',
    currency: 'PLN',
    decimals: 2,
    markup: 'json-ld',
    titles: { espresso: 'Kawa ziarnista Espresso 1 kg', filter: 'Kawa mielona do przelewu 250 g' },
    prices: { espresso: 8999, filter: 2999 },
    loyaltyPoints: 1,
    freeShippingFromMinor: 15000,
    text: { loyalty: 'Program lojalnościowy: {n} pkt za każde 1 zł', shipping: 'Darmowa dostawa od {amount}', inStock: 'Dostępny', outOfStock: 'Niedostępny', promotion: 'Rabat {p}% z kodem KAWA' },
  },
  {
    key: 'wisla',
    name: 'Palarnia Wisła',
    own: false,
    locale: 'pl-PL',
    currency: 'PLN',
    decimals: 2,
    markup: 'microdata',
    titles: { espresso: 'Espresso Wisła, ziarno 1 kg', filter: 'Przelew Wisła, mielona 250 g' },
    prices: { espresso: 9499, filter: 2799 },
    loyaltyPoints: 2,
    freeShippingFromMinor: 20000,
    text: { loyalty: 'Klub Wisły: {n} pkt za każde 1 zł', shipping: 'Darmowa wysyłka od {amount}', inStock: 'W magazynie', outOfStock: 'Brak w magazynie', promotion: '-{p}% z kodem WIOSNA' },
  },
  {
    key: 'kave',
    name: 'Kávé Műhely',
    own: false,
    locale: 'hu-HU',
    currency: 'HUF',
    decimals: 0,
    markup: 'script',
    titles: { espresso: 'Espresso kávébab 1 kg', filter: 'Filterkávé őrölt 250 g' },
    prices: { espresso: 8990, filter: 2990 },
    loyaltyPoints: 3,
    freeShippingFromMinor: 15000,
    text: { loyalty: 'Hűségprogram: {n} pont minden 100 Ft után', shipping: 'Ingyenes szállítás {amount} felett', inStock: 'Raktáron', outOfStock: 'Nincs raktáron', promotion: '{p}% kedvezmény KAVE kuponnal' },
  },
  {
    key: 'jadran',
    name: 'Kavana Jadran',
    own: false,
    locale: 'hr-HR',
    currency: 'EUR',
    decimals: 2,
    markup: 'text',
    titles: { espresso: 'Espresso kava u zrnu 1 kg', filter: 'Mljevena kava za filter 250 g' },
    prices: { espresso: 2199, filter: 699 },
    loyaltyPoints: 5,
    freeShippingFromMinor: 4000,
    text: { loyalty: 'Program vjernosti: {n} bodova za svaki euro', shipping: 'Besplatna dostava za narudžbe iznad {amount}', inStock: 'Na zalihi', outOfStock: 'Nema na zalihi', promotion: 'Popust {p}% s kodom JADRAN' },
  },
];

/** Recipe for a demo shop's product page: loyalty and shipping terms as custom fields with a better direction. */
export function demoRecipe(shop: DemoShop): RecipeInput {
  return {
    ...(shop.markup === 'script' ? { waitFor: '.price' } : {}),
    // Without structured data the price is pinned to its element, so a crossed-out price is never taken for it.
    ...(shop.markup === 'script' || shop.markup === 'text' ? { selectors: { price: '.price' } } : {}),
    fields: [
      { key: 'loyaltyPoints', label: 'Loyalty points per currency unit', selector: '.loyalty', pattern: '(\\d+)', type: 'number', better: 'higher' },
      { key: 'freeShippingFrom', label: 'Free shipping from', selector: '.shipping', pattern: '((?:\\d[\\d\\s\\u00a0\\u202f.,]*\\d|\\d)\\s*(?:zł|Ft|€))', type: 'money', better: 'lower' },
    ],
  };
}

export const shopByKey = (key: ShopKey): DemoShop => {
  const shop = DEMO_SHOPS.find((s) => s.key === key);
  if (!shop) throw new Error(`no demo shop ${key}`);
  return shop;
};
