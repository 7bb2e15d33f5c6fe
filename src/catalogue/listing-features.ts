import { coloursOf } from './colours.ts';
import { labelledGtins, normaliseGtin } from './gtin.ts';
import { modelCodesOf } from './model-codes.ts';
import type { ProductListing } from './product-listing.ts';
import { foldText, stem, wordsOf } from './product-text.ts';
import { canonicalQuantityWord, dimensionsOf, packCountsOf, quantitiesOf, type Dimensions, type Quantity } from './quantities.ts';

/** A listing digested once for comparing it with many others. */
export interface ListingFeatures {
  /** Stems of the name's words. */
  nameStems: Set<string>;
  /** Stems of every word in name, description and specifications. */
  textStems: Set<string>;
  nameCodes: Set<string>;
  /** Model codes anywhere in the text, with separators removed, for "does the other side mention my code". */
  textCodes: Set<string>;
  nameFolded: string;
  quantities: Quantity[];
  packCounts: number[];
  dimensions: Dimensions[];
  colours: Set<string>;
  gtins: Set<string>;
  brand: string | null;
  mpn: string | null;
}

/** Stems to compare words by, quantities written in base units so "1kg" meets "1000g". */
const stemsOf = (words: readonly string[]) => new Set(words.map((w) => canonicalQuantityWord(w) ?? stem(w)));

export function listingFeatures(listing: ProductListing): ListingFeatures {
  const nameFolded = foldText(listing.name);
  const nameWords = wordsOf(nameFolded);
  const restFolded = foldText([listing.description, listing.specifications].filter(Boolean).join(' \n '));
  const textFolded = `${nameFolded} \n ${restFolded}`;
  const gtins = new Set(labelledGtins(`${listing.specifications ?? ''} ${listing.description ?? ''}`));
  const own = normaliseGtin(listing.gtin);
  if (own) gtins.add(own);
  const mpn = (listing.mpn ?? listing.sku ?? '').trim();
  return {
    nameStems: stemsOf(nameWords),
    textStems: stemsOf(wordsOf(textFolded)),
    nameCodes: modelCodesOf(nameFolded, 2),
    textCodes: modelCodesOf(textFolded),
    nameFolded,
    quantities: quantitiesOf(nameFolded),
    packCounts: packCountsOf(nameFolded),
    dimensions: dimensionsOf(nameFolded),
    colours: coloursOf(nameWords),
    gtins,
    brand: listing.brand ? foldText(listing.brand).trim() : null,
    mpn: mpn ? foldText(mpn).replace(/[\s\-/.]/g, '') : null,
  };
}
