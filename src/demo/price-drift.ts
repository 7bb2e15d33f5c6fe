import type { ShelfState } from './shop-pages.ts';

/** mulberry32: a small seeded generator, so a demo run is repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shop-like price: …,99 with decimals, …90 without. */
function charmPrice(minor: number, decimals: number): number {
  if (decimals === 0) return Math.max(90, Math.round(minor / 100) * 100 - 10);
  return Math.max(99, Math.floor(minor / 100) * 100 + 99);
}

/**
 * One round of change for one product: now and then a price move of a few percent, a promotion starting or
 * ending (the old price shown crossed out meanwhile), or the stock running out and coming back.
 */
export function driftShelf(s: ShelfState, decimals: number, random: () => number): void {
  const roll = random();
  if (s.promotionPercent !== null) {
    if (roll < 0.4) {
      s.priceMinor = s.regularMinor ?? s.priceMinor;
      s.regularMinor = null;
      s.promotionPercent = null;
    }
  } else if (roll < 0.25) {
    const percent = [10, 15, 20][Math.floor(random() * 3)] ?? 10;
    s.regularMinor = s.priceMinor;
    s.promotionPercent = percent;
    s.priceMinor = charmPrice(Math.round((s.priceMinor * (100 - percent)) / 100), decimals);
  } else if (roll < 0.6) {
    const factor = 1 + (random() * 0.1 - 0.05);
    s.priceMinor = charmPrice(Math.round(s.priceMinor * factor), decimals);
  }
  if (random() < 0.05) s.inStock = !s.inStock;
}
