import type { CatalogueField } from './catalogue-row.ts';

/** Header spellings per field: English, Google Merchant Center (`g:` prefix dropped) and Czech exports. */
const SPELLINGS: Record<CatalogueField, readonly string[]> = {
  name: ['name', 'title', 'product name', 'product title', 'product', 'item name', 'nazev', 'nazev produktu', 'productname'],
  sku: ['sku', 'id', 'item id', 'item_id', 'product id', 'product_id', 'code', 'product code', 'kod', 'katalogove cislo', 'offer id'],
  gtin: ['gtin', 'ean', 'ean13', 'ean 13', 'upc', 'barcode', 'isbn', 'gtin13', 'gtin14', 'gtin12', 'gtin8', 'carovy kod'],
  mpn: ['mpn', 'manufacturer part number', 'part number', 'model', 'model number', 'manufacturer code', 'kod vyrobce'],
  brand: ['brand', 'manufacturer', 'vendor', 'make', 'znacka', 'vyrobce'],
  price: ['price', 'regular price', 'unit price', 'price incl vat', 'price with vat', 'cena', 'cena s dph', 'prodejni cena'],
  salePrice: ['sale price', 'sale_price', 'akcni cena'],
  currency: ['currency', 'currency code', 'mena'],
  url: ['url', 'link', 'product url', 'product link', 'odkaz', 'web'],
  category: ['category', 'product type', 'product_type', 'google product category', 'google_product_category', 'kategorie', 'categorytext'],
};

const folded = (header: string) =>
  header
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/^g:/, '')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const BY_SPELLING = new Map<string, CatalogueField>(
  Object.entries(SPELLINGS).flatMap(([field, spellings]) => spellings.map((s) => [folded(s), field as CatalogueField] as const)),
);

/** The field a header names ("Product Title", "g:product_type", "Cena s DPH"), or null. */
export const fieldOfHeader = (header: string): CatalogueField | null => BY_SPELLING.get(folded(header)) ?? null;

/** Column index per field; the first column naming a field wins. */
export function mapColumns(headers: readonly string[]): Map<CatalogueField, number> {
  const columns = new Map<CatalogueField, number>();
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header);
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}
