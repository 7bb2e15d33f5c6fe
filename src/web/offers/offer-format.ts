import type { DisplayPrefs } from '../ui/display-prefs.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A price index or a percentage in the person's locale, two decimals at most: "95.25", "95,25". */
export function formatIndex(value: number, { locale }: DisplayPrefs): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f.format(value);
}

/** "price_decrease" → "Price decrease". */
export const kindLabel = (kind: string) => {
  const words = kind.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The label of a change's field: "price" → "Price", "fields.loyalty_points" → "Loyalty points". */
export const fieldLabel = (field: string) => kindLabel(field.startsWith('fields.') ? field.slice('fields.'.length) : field.replace(/([A-Z])/g, ' $1').toLowerCase());
