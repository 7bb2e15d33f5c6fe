/** Words around numbers that tell a price from something else, in the major European languages. */

const words = (list: string): string => list.trim().split(/\s*\|\s*/).join('|');
const B = '(?<![\\p{L}\\p{M}])';
const E = '(?![\\p{L}\\p{M}])';

/** A regular (crossed-out, reference) price follows. */
export const WAS_LABEL = new RegExp(
  `${B}(?:${words(`
    was | before | previously | regular price | reg\\. | regular | list price | old price | original price |
    compare at | rrp | msrp | uvp | statt | vorher | bisher | ursprünglich | avant | au lieu de | prix barré |
    prima | invece di | antes | precio anterior | van | voorheen | przed | było | cena regularna |
    běžná cena | bežná cena | původní cena | pôvodná cena | před slevou | pred zľavou | eredeti ár |
    normalpris | ordinarie pris | før | ennen | старая цена | была | стара ціна | preț vechi
  `)})${E}`,
  'giu',
);

/** The current (sale) price follows. */
export const NOW_LABEL = new RegExp(
  `${B}(?:${words(`
    now | sale | sale price | our price | your price | special price | offer | deal | jetzt | nur |
    maintenant | prix promo | ora | ahora | nu | teraz | cena promocyjna | nyní | teď | naše cena |
    naša cena | akční cena | akciová cena | nå | nyt | nyt pris | сейчас | новая цена | зараз
  `)})${E}`,
  'giu',
);

/** Right after a number: it counts something else than money. Case matters ("ft" feet, "Ft" forint). */
export const UNIT_AFTER = new RegExp(
  `^ ?(?:${words(`
    mm | cm | m | km | m² | m2 | ft | sqft | inch | inches | yd | kg | g | mg | lb | lbs | oz | l | ml | cl |
    dl | ltr | litre | litres | liter | liters | Litre | Liter | Liters | pcs | pc | pieces | Stück | Stk |
    GB | MB | TB | W | kW | V | mAh | Hz | MHz | GHz | days | Tage | Werktage | jours | giorni | días | dni |
    dní | dagar | dage | x | ×
  `)})${E}`,
  'u',
);

/** "40% OFF", "$49+" (a threshold), "12x" (instalments). */
export const NOT_AN_AMOUNT_AFTER = /^(?: ?%|\+|[x×](?![\p{L}\p{M}]))/u;

/** Between two numbers of a range: "26 to 50 €", "od 49 do 99 zł". */
export const RANGE_JOIN = new RegExp(
  `^\\s*(?:[-–—]|${words('to | bis | à | a | do | až | til | till | tot | до | - ')})\\s*$`,
  'iu',
);

const MONTHS = words(`
  jan | january | feb | february | mar | march | apr | april | may | jun | june | jul | july | aug | august |
  sep | sept | september | oct | october | nov | november | dec | december | januar | februar | märz | mai |
  juni | juli | oktober | dezember | janvier | février | mars | avril | juin | juillet | août | septembre |
  octobre | novembre | décembre
`);

/** "July, 2004", "15 March 2020": dates, not prices. */
export const MONTH_DATE = new RegExp(`${B}(?:${MONTHS})\\.?(?: \\d{1,2}(?:st|nd|rd|th)?)?,? \\d{4}${E}`, 'giu');

/** "Free!", "Gratis", "Kostenlos": the price is zero. */
export const FREE = new RegExp(
  `${B}(?:${words(`
    free | gratis | kostenlos | umsonst | gratuit | gratuite | gratuito | gratuita | zdarma | za darmo |
    darmowy | darmowa | zadarmo | ingyenes | ingyen | bezplatně | ilmainen | gratuït | бесплатно | безкоштовно |
    безплатно | δωρεάν
  `)})${E}`,
  'iu',
);

/** "Free shipping": free, but not the price. */
export const SHIPPING = new RegExp(
  `${B}(?:${words(`
    shipping | ships? | delivery | returns? | versand | lieferung | livraison | envío | envio | spedizione | dostawa |
    wysyłka | doprava | doručení | doprava zdarma | szállítás | frakt | levering | fragt | доставка
  `)})${E}`,
  'iu',
);

/** "Price on request", "Цена: уточняйте": the text says there is no price. */
export const ON_REQUEST = new RegExp(
  `${B}(?:${words(`
    on request | upon request | call for price | ask for price | price on application | poa |
    auf anfrage | preis auf anfrage | sur demande | prix sur demande | su richiesta | a consultar |
    na zapytanie | na dotaz | na vyžiadanie | op aanvraag | på forespørsel | på begäran |
    уточняйте | по запросу | договорная
  `)})${E}`,
  'iu',
);
