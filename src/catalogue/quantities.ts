/** What a quantity measures; values are kept in one base unit per kind. */
export type QuantityKind = 'mass' | 'volume' | 'length' | 'power' | 'data' | 'count' | 'energy' | 'voltage' | 'charge';

export interface Quantity {
  kind: QuantityKind;
  /** In the kind's base unit: g, ml, mm, W, GB, pieces, Wh, V, mAh. */
  value: number;
}

const UNITS: Record<string, readonly [QuantityKind, number]> = {
  mg: ['mass', 0.001], g: ['mass', 1], gr: ['mass', 1], gram: ['mass', 1], grams: ['mass', 1], kg: ['mass', 1000],
  oz: ['mass', 28.3495], ounce: ['mass', 28.3495], ounces: ['mass', 28.3495],
  lb: ['mass', 453.592], lbs: ['mass', 453.592], pound: ['mass', 453.592], pounds: ['mass', 453.592],
  ml: ['volume', 1], cl: ['volume', 10], dl: ['volume', 100], l: ['volume', 1000], litr: ['volume', 1000], litru: ['volume', 1000],
  litry: ['volume', 1000], liter: ['volume', 1000], liters: ['volume', 1000], litre: ['volume', 1000], litres: ['volume', 1000],
  'fl oz': ['volume', 29.5735], 'fl.oz': ['volume', 29.5735], floz: ['volume', 29.5735],
  gal: ['volume', 3785.41], gallon: ['volume', 3785.41], gallons: ['volume', 3785.41], qt: ['volume', 946.353], quart: ['volume', 946.353],
  mm: ['length', 1], cm: ['length', 10], m: ['length', 1000], in: ['length', 25.4], inch: ['length', 25.4], inches: ['length', 25.4],
  '"': ['length', 25.4], '″': ['length', 25.4], ft: ['length', 304.8], feet: ['length', 304.8], foot: ['length', 304.8],
  w: ['power', 1], watt: ['power', 1], watts: ['power', 1], kw: ['power', 1000],
  mb: ['data', 0.001], gb: ['data', 1], tb: ['data', 1000],
  ks: ['count', 1], kusu: ['count', 1], pcs: ['count', 1], pc: ['count', 1], pieces: ['count', 1], ct: ['count', 1], count: ['count', 1],
  pack: ['count', 1], pk: ['count', 1], kapsli: ['count', 1], tablet: ['count', 1], tablets: ['count', 1],
  wh: ['energy', 1], kwh: ['energy', 1000], v: ['voltage', 1], mah: ['charge', 1],
};

const UNIT_NAMES = Object.keys(UNITS).sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&'));
const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const QUANTITY = new RegExp(String.raw`(?<![\w.,])${NUMBER}\s?-?(${UNIT_NAMES.join('|')})(?![a-z0-9])`, 'g');
const PACK_OF = /\b(?:pack|set|balení|baleni|sada) of (\d+)\b|\b(\d+)\s?-?(?:pack|pk|ks|pcs|count|ct)\b|\((\d+)\s?x\s?\d/g;
const DIMENSIONS = new RegExp(String.raw`${NUMBER}\s?(?:[a-z"″]{1,2}\s?)?[x×*]\s?${NUMBER}(?:\s?(?:[a-z"″]{1,2}\s?)?[x×*]\s?${NUMBER})?\s?(mm|cm|m|in|"|″)?(?![a-z0-9])`, 'g');

/** A number, a space and a unit ("150 g"), to be written as one word ("150g") like the other spelling. */
export const SPACED_UNIT = new RegExp(String.raw`(\d) (${UNIT_NAMES.filter((u) => /^[a-z]+$/.test(u)).join('|')})(?![a-z0-9])`, 'g');

const toNumber = (text: string) => Number(text.replace(',', '.'));

/** Quantities with units in folded text: "1 kg" and "1000 g" both give {mass, 1000}; "16 oz" mass, "16 fl oz" volume. */
export function quantitiesOf(folded: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of folded.matchAll(QUANTITY)) {
    const unit = UNITS[m[2] as string];
    if (unit) found.push({ kind: unit[0], value: toNumber(m[1] as string) * unit[1] });
  }
  return found;
}

const BASE_UNIT: Record<QuantityKind, string> = {
  mass: 'g', volume: 'ml', length: 'mm', power: 'w', data: 'gb', count: 'ks', energy: 'wh', voltage: 'v', charge: 'mah',
};
const WORD_QUANTITY = new RegExp(String.raw`^(\d+(?:\.\d+)?)(${UNIT_NAMES.join('|')})$`);

/** A word that is a quantity, in base units and 3 significant digits ("1kg" → "1000g", "14oz" → "397g"); else null. */
export function canonicalQuantityWord(word: string): string | null {
  const m = WORD_QUANTITY.exec(word);
  const unit = m ? UNITS[m[2] as string] : undefined;
  if (!m || !unit) return null;
  return `${Number((Number(m[1]) * unit[1]).toPrecision(3))}${BASE_UNIT[unit[0]]}`;
}

/** Pack sizes ("pack of 6", "6 pack", "2 ks"), which shops state inconsistently, so they are told apart from the rest. */
export function packCountsOf(folded: string): number[] {
  return [...folded.matchAll(PACK_OF)].map((m) => Number(m[1] ?? m[2] ?? m[3]));
}

/** A size written as a×b(×c): the numbers as written, and in mm when a unit was given. */
export interface Dimensions {
  written: number[];
  mm: number[] | null;
}

/** Sizes written as a×b(×c) ("14x15", "90 x 55 x 36 cm", "16×17"), each list sorted. */
export function dimensionsOf(folded: string): Dimensions[] {
  const found: Dimensions[] = [];
  for (const m of folded.matchAll(DIMENSIONS)) {
    const written = [m[1], m[2], m[3]].filter((v): v is string => v !== undefined).map(toNumber).sort((a, b) => a - b);
    const unit = m[4] ? UNITS[m[4]]?.[1] : undefined;
    found.push({ written, mm: unit === undefined ? null : written.map((v) => v * unit) });
  }
  return found;
}

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => sameAmount(v, b[i] as number));

/** The same size: the same numbers as written ("54x84" / "54\"x84\""), or the same in mm when both give units. */
export const sameDimensions = (a: Dimensions, b: Dimensions): boolean =>
  sameList(a.written, b.written) || (a.mm !== null && b.mm !== null && sameList(a.mm, b.mm));

/** Two measured values count as equal within 3 % (rounding of converted units: 14 oz ≈ 397 g). */
export const sameAmount = (a: number, b: number): boolean => Math.abs(a - b) <= 0.03 * Math.max(a, b);
