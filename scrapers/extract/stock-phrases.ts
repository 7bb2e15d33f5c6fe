import type { Availability } from '../offer.ts';

/** Out-of-stock phrases in the major European languages (and a few more), matched case-insensitively. */
const OUT_OF_STOCK = [
  // en
  'out of stock', 'sold out', 'currently unavailable', 'no longer available', 'temporarily unavailable', 'not in stock', 'not available', 'unavailable',
  // de
  'ausverkauft', 'nicht verfügbar', 'nicht lieferbar', 'nicht auf lager', 'nicht vorrätig', 'vergriffen', 'momentan nicht erhältlich', 'nicht mehr erhältlich',
  // fr
  'épuisé', 'epuisé', 'rupture de stock', 'en rupture', 'indisponible', 'non disponible', "plus disponible",
  // es, pt
  'agotado', 'sin stock', 'sin existencias', 'no disponible', 'fuera de stock', 'esgotado', 'indisponível', 'sem stock', 'sem estoque',
  // it
  'esaurito', 'esaurita', 'non disponibile', 'non più disponibile',
  // nl
  'uitverkocht', 'niet op voorraad', 'niet leverbaar', 'niet beschikbaar',
  // sv, da, no, fi
  'slutsåld', 'slut i lager', 'ej i lager', 'tillfälligt slut', 'udsolgt', 'ikke på lager', 'utsolgt', 'loppuunmyyty', 'ei varastossa', 'tilapäisesti loppu', 'loppu varastosta',
  // pl
  'brak w magazynie', 'brak towaru', 'niedostępny', 'niedostępna', 'wyprzedany', 'wyprzedane', 'chwilowo niedostępny', 'produkt niedostępny', 'brak na stanie',
  // cs, sk
  'není skladem', 'vyprodáno', 'nedostupné', 'nedostupný', 'nie je skladom', 'vypredané', 'momentálne nedostupné',
  // hu
  'nincs készleten', 'elfogyott', 'nem elérhető', 'nem kapható', 'jelenleg nem rendelhető',
  // hr, sr, bs, sl
  'rasprodano', 'nedostupno', 'nema na zalihi', 'nije dostupno', 'nije dostupan', 'nema na stanju', 'ni na zalogi', 'razprodano', 'ni na voljo',
  // ro, el, bg, ru, uk, baltic, tr
  'stoc epuizat', 'epuizat', 'indisponibil', 'nu este în stoc', 'εξαντλήθηκε', 'εκτός αποθέματος', 'μη διαθέσιμο', 'изчерпан', 'няма наличност',
  'нет в наличии', 'распродано', 'немає в наявності', 'išparduota', 'nėra sandėlyje', 'izpārdots', 'nav noliktavā', 'läbi müüdud', 'tükendi', 'stokta yok',
];

const IN_STOCK = [
  'in stock', 'available now', 'auf lager', 'sofort lieferbar', 'lieferbar', 'vorrätig', 'en stock', 'disponible', 'en existencia', 'disponibile', 'in magazzino',
  'em stock', 'op voorraad', 'i lager', 'på lager', 'varastossa', 'na stanie', 'dostępny', 'w magazynie', 'skladem', 'na skladě', 'skladom', 'na sklade', 'raktáron',
  'készleten', 'na zalihi', 'na stanju', 'dostupno', 'na zalogi', 'în stoc', 'disponibil', 'διαθέσιμο', 'в наличии', 'в наявності', 'stokta',
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole-word alternatives; with `patterns`, "*" ends a stem and "?" makes the letter before it optional. */
const phrases = (list: string[], patterns = false): RegExp => {
  const words = list.map((w) => (patterns ? escape(w).replace(/\\\*$/, '\\p{L}*').replace(/\\\?/g, '?') : escape(w)));
  return new RegExp(`(?<![\\p{L}])(?:${words.join('|')})(?![\\p{L}])`, 'iu');
};

const OUT_RE = phrases(OUT_OF_STOCK);
const IN_RE = phrases(IN_STOCK);

/** What a visible text says about stock: out-of-stock phrases win over in-stock ones ("nicht auf Lager"). */
export function stockFromText(text: string): Availability | null {
  if (OUT_RE.test(text)) return 'OutOfStock';
  if (IN_RE.test(text)) return 'InStock';
  return null;
}

/** Stock words about something else than the product itself: an image, a store, a size or colour, a delivery option (whole words; stems end in *). */
const OTHER_SUBJECT = phrases(
  (
    'image* photo* picture* bild* foto* zdjęci* kép obrázek store* shop filiale* markt magasin* tienda* negozi* winkel sklep* bolt* prodejn* predajn* obchod* butik* boutique* ' +
    'pickup pick-up abholung collect retrait ritiro odbiór átvétel option* select* size* variant* colou?r* größe* groesse farbe* taille* couleur* talla* taglia* ' +
    'rozmiar* méret* velikost* veličin* delivery shipping lieferung versand* livraison envío envio despacho retiro entrega consegna spedizion* dostaw* wysyłk* ' +
    'szállítás* doprav* dostav*'
  ).split(' '),
  true,
);

/** A leading label such as "Availability:", "Verfügbarkeit:", "Dostępność:", "Status:". */
const LEADING_LABEL = /^[^:]{1,30}:\s*/;

/** A size or variant named before the phrase: "44 – sold out", "EU 42.5 sold out", "XL: out of stock", "One size sold out". */
const VARIANT_PREFIX = /^((eu|uk|us|fr|it)\s?)?(\d{1,3}([.,]\d)?(\s?\/\s?\d{1,3})?|x{0,3}[sl]|m|\dxl|xxs|one size)\b\s*[-–—:(]?\s*/iu;

/**
 * What a visible text states about the product's stock: only when the phrase is what the text is about —
 * it opens the text (after an optional label) or the text is a few words — and neither the text nor its
 * surroundings are about an image, a store, a variant or a delivery option, nor does a size open the text.
 */
export function stockStatement(text: string, surroundings = ''): Availability | null {
  const stock = stockFromText(text);
  if (!stock || text.length > 120 || OTHER_SUBJECT.test(text) || OTHER_SUBJECT.test(surroundings)) return null;
  const phrase = stock === 'OutOfStock' ? OUT_RE : IN_RE;
  const variant = VARIANT_PREFIX.exec(text);
  if (variant && phrase.exec(text.slice(variant[0].length))?.index === 0) return null;
  const body = text.replace(LEADING_LABEL, '').replace(/^[^\p{L}]+/u, '');
  const opens = phrase.exec(body)?.index === 0;
  return opens || body.split(/\s+/).length <= 4 ? stock : null;
}
