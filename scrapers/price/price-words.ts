/** Words around numbers that tell a price from something else, in the major European languages. */

const list = (words: string): string => words.trim().split(/\s*\|\s*/).join('|');

/** Phrases to find in the output of wordsOf. */
export interface Phrases {
  any: RegExp;
  last: RegExp;
}

const phrases = (words: string): Phrases => ({
  any: new RegExp(` (?:${list(words)}) `),
  last: new RegExp(`^(.*) (?:${list(words)}) `, 's'),
});

/** Lower-cased words of a text, one space apart and around, for phrase matching. */
export function wordsOf(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{M}]+/gu, ' ').trim()} `;
}

/** Where the last of the phrases starts in `words` (from wordsOf), or -1. */
export function lastPhraseAt(words: string, of: Phrases): number {
  return of.last.exec(words)?.[1]?.length ?? -1;
}

export const hasPhrase = (words: string, of: Phrases): boolean => of.any.test(words);

/** A regular (crossed-out, reference) price follows. */
export const WAS_LABEL = phrases(`
  was | before | previously | regular price | reg | regular | list price | old price | original price |
  compare at | rrp | msrp | uvp | statt | vorher | bisher | ursprünglich | avant | au lieu de | prix barré |
  prima | invece di | antes | precio anterior | van | voorheen | przed | było | cena regularna |
  běžná cena | bežná cena | původní cena | pôvodná cena | před slevou | pred zľavou | eredeti ár |
  normalpris | ordinarie pris | før | ennen | старая цена | была | стара ціна | preț vechi
`);

/** The current (sale) price follows. */
export const NOW_LABEL = phrases(`
  now | sale | sale price | our price | your price | special price | offer | deal | jetzt | nur |
  maintenant | prix promo | ora | ahora | nu | teraz | cena promocyjna | nyní | teď | naše cena |
  naša cena | akční cena | akciová cena | nå | nyt | nyt pris | сейчас | новая цена | зараз
`);

/** The amount saved follows, not a price. */
export const SAVING_LABEL = phrases(`
  save | you save | saving | savings | spare | sparen | sie sparen | ersparnis | économisez | économie |
  risparmi | ahorra | ahorras | bespaar | oszczędzasz | oszczędność | ušetříte | ušetrite | sleva | zľava |
  rabatt | spar | du sparer | megtakarítás | экономия | знижка
`);

/** "Free!", "Gratis", "Kostenlos": the price is zero. */
export const FREE = phrases(`
  free | gratis | kostenlos | umsonst | gratuit | gratuite | gratuito | gratuita | zdarma | za darmo |
  darmowy | darmowa | zadarmo | ingyenes | ingyen | bezplatně | ilmainen | gratuït | бесплатно | безкоштовно |
  безплатно | δωρεάν
`);

/** "Free shipping": free, but not the price. */
export const SHIPPING = phrases(`
  shipping | ship | ships | delivery | return | returns | versand | versandkostenfrei | lieferung | livraison |
  envío | envio | spedizione | dostawa | wysyłka | doprava | doručení | szállítás | frakt | levering | fragt |
  доставка
`);

/** Written as one word: "versandkostenfrei", "portofrei". */
export const FREE_SHIPPING = phrases(`
  versandkostenfrei | portofrei | versandfrei | fraktfritt | fragtfri | fraktfri | franco | portvrij
`);

/** In a free-shipping text, the amount after these is a threshold, not a price. */
export const THRESHOLD_LABEL = phrases(`
  from | over | above | orders | order | ab | über | od | powyżej | nad | à partir de | dès | desde |
  a partire da | oltre | vanaf | boven | fra | från | över | yli | felett | от | від | min | minimum
`);

/** "Price on request", "Цена: уточняйте": the text says there is no price. */
export const ON_REQUEST = phrases(`
  on request | upon request | call for price | ask for price | price on application | poa | auf anfrage |
  sur demande | su richiesta | a consultar | na zapytanie | na dotaz | na vyžiadanie | op aanvraag |
  på forespørsel | på begäran | уточняйте | по запросу | договорная
`);

/** Right after a number: it counts something else than money. Case matters ("ft" feet, "Ft" forint). */
export const UNIT_AFTER = new RegExp(
  `^ ?(?:${list(`
    mm | cm | m | km | m² | m2 | ft | sqft | inch | inches | yd | kg | g | mg | lb | lbs | oz | l | ml | cl |
    dl | ltr | litre | litres | liter | liters | Litre | Liter | Liters | pcs | pc | pieces | Stück | Stk |
    GB | MB | TB | W | kW | V | mAh | Hz | MHz | GHz | days | Tage | Werktage | jours | giorni | días | dni |
    dní | dagar | dage | x | ×
  `)})(?![\\p{L}\\p{M}])`,
  'u',
);

/** "40% OFF", "$49+" (a threshold), "12x" (instalments), "7 折" / "3割" (Chinese and Japanese discount rates). */
export const NOT_AN_AMOUNT_AFTER = /^(?: ?%|\+|[x×](?![\p{L}\p{M}])| ?[折割])/u;

/** Between two numbers of a range: "26 to 50 €", "od 49 do 99 zł". */
export const RANGE_JOIN = new RegExp(`^\\s*(?:[-–—]|${list('to | bis | à | a | do | až | til | till | tot | до')})\\s*$`, 'iu');

const MONTHS = list(`
  jan | january | feb | february | mar | march | apr | april | may | jun | june | jul | july | aug | august |
  sep | sept | september | oct | october | nov | november | dec | december | januar | februar | märz | mai |
  juni | juli | oktober | dezember | janvier | février | mars | avril | juin | juillet | août | septembre |
  octobre | novembre | décembre
`);

/** "July, 2004", "15 March 2020": dates, not prices. */
export const MONTH_DATE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${MONTHS})\\.?(?: \\d{1,2}(?:st|nd|rd|th)?)?,? \\d{4}(?!\\d)`,
  'giu',
);
