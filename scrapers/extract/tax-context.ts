/** Which side of VAT / sales tax a shown price is on, from the words printed with it. */
export type TaxSide = 'net' | 'gross';

const TAXES = '(mwst\\.?|ust\\.?|vat|tax(es)?|tva|iva|btw|dph|áfa|afa|pdv|ddv|moms|alv|ndc|кдв|ндс|φπα)';

/** "excl. VAT", "ohne MwSt.", "bez DPH", "HT", "netto": the price before tax. */
const NET = new RegExp(
  `(?<!\\p{L})(excl\\.?|exkl\\.?|excluding|ex\\.?|without|ohne|zzgl\\.?|plus|hors|sans|sin|senza|bez|brez|zonder|utan|uten|ilman|fără|χωρίς|без)(?!\\p{L})\\s*(\\p{L}+\\.?\\s*)?${TAXES}(?!\\p{L})|(?<!\\p{L})(netto|nettó|nettopreis|net price|prix ht|ht|h\\.t\\.)(?!\\p{L})`,
  'iu',
);

/** "incl. VAT", "inkl. MwSt.", "s DPH", "TTC", "brutto": the price a consumer pays. */
const GROSS = new RegExp(
  `(?<!\\p{L})(incl\\.?|inkl\\.?|including|included|with|mit|avec|con|com|s|z|vč\\.?|vrátane|w tym|inclusief|incluido|incluso|incluída|inklusive|sis\\.?|inkl|med|cu|με|с)(?!\\p{L})\\s*(\\p{L}+\\.?\\s*)?${TAXES}(?!\\p{L})|(?<!\\p{L})(brutto|bruttó|bruttopreis|gross price|ttc|t\\.t\\.c\\.)(?!\\p{L})`,
  'iu',
);

/** What the text says about tax: net, gross, or nothing (both or neither named). */
export function taxSide(text: string): TaxSide | null {
  const net = NET.test(text);
  const gross = GROSS.test(text);
  return net === gross ? null : net ? 'net' : 'gross';
}
