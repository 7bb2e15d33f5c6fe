import { DOLLAR_CURRENCIES } from './currency-codes.ts';

/**
 * How a written currency maps to ISO 4217. `isos` lists the possible codes, the usual one first
 * (more than one: ambiguous, settled by hints). `near`: the text is also a common word or unit,
 * so it only counts right next to a number (or as the whole string).
 */
export interface CurrencySymbol {
  isos: readonly string[];
  near: boolean;
}

const KRONA = ['SEK', 'NOK', 'DKK', 'ISK'];
const YEN = ['JPY', 'CNY'];
const LEU = ['RON', 'MDL'];
const ROUBLE = ['RUB', 'BYN'];
const DINAR = ['RSD', 'DZD', 'IQD', 'JOD', 'KWD', 'BHD', 'LYD', 'TND'];

/** Written forms → ISO codes. ISO codes themselves are recognised separately. */
const ANYWHERE: Record<string, readonly string[]> = {
  '$': DOLLAR_CURRENCIES,
  'US$': ['USD'], 'US $': ['USD'], 'U$S': ['USD'],
  'C$': ['CAD', 'NIO'], 'CA$': ['CAD'], 'CAN$': ['CAD'], 'Can$': ['CAD'],
  'A$': ['AUD'], 'AU$': ['AUD'], 'AU $': ['AUD'], 'NZ$': ['NZD'], 'HK$': ['HKD'], 'S$': ['SGD'],
  'NT$': ['TWD'], 'MX$': ['MXN'], 'Mex$': ['MXN'], 'R$': ['BRL'], 'AR$': ['ARS'], 'CL$': ['CLP'],
  'CO$': ['COP'], 'COL$': ['COP'], '$U': ['UYU'], 'RD$': ['DOP'], 'J$': ['JMD'], 'TT$': ['TTD'],
  'BZ$': ['BZD'], 'CUC$': ['CUC'], 'MOP$': ['MOP'], 'Z$': ['ZWL'], 'T$': ['TOP'],
  '€': ['EUR'], 'euro': ['EUR'], 'Euro': ['EUR'], 'EURO': ['EUR'], 'euros': ['EUR'], 'Euros': ['EUR'],
  '£': ['GBP'], '￡': ['GBP'], 'E£': ['EGP'], 'GB£': ['GBP'],
  'zł': ['PLN'], 'Zł': ['PLN'], 'ZŁ': ['PLN'], 'Kč': ['CZK'], 'KČ': ['CZK'], 'kč': ['CZK'],
  'Ft': ['HUF'], 'lei': LEU, 'Lei': LEU, 'LEI': LEU, 'лв': ['BGN'], 'лв.': ['BGN'],
  'kr': KRONA, 'kr.': KRONA, 'Kr': KRONA, 'Kr.': KRONA, 'KR': KRONA,
  'SFr': ['CHF'], 'SFr.': ['CHF'], 'CHf': ['CHF'],
  '₽': ['RUB'], 'руб': ROUBLE, 'руб.': ROUBLE, 'рублей': ROUBLE, 'рубля': ROUBLE, 'рубль': ROUBLE,
  'р.': ROUBLE, 'Rbl': ['RUB'],
  '₴': ['UAH'], 'грн': ['UAH'], 'грн.': ['UAH'], 'гривень': ['UAH'], 'hrn': ['UAH'],
  'дин': ['RSD'], 'дин.': ['RSD'], 'Дин': ['RSD'], 'динар': ['RSD'], 'Dinara': ['RSD'],
  'ден': ['MKD'], 'ДЕН': ['MKD'], 'Lek': ['ALL'], 'Lekë': ['ALL'],
  '₺': ['TRY'], 'TL': ['TRY'], 'YTL': ['TRY'], '₾': ['GEL'], 'lari': ['GEL'], 'ლარი': ['GEL'],
  '֏': ['AMD'], '₼': ['AZN'], '₸': ['KZT'], 'тг': ['KZT'], 'тңг': ['KZT'],
  '₪': ['ILS'], 'ש״ח': ['ILS'], 'ש"ח': ['ILS'], "ש'ח": ['ILS'], 'NIS': ['ILS'],
  '¥': YEN, '￥': YEN, 'JP¥': ['JPY'], 'CN¥': ['CNY'], '円': ['JPY'], 'yen': ['JPY'], 'Yen': ['JPY'],
  '元': ['CNY', 'TWD'], '人民币': ['CNY'], 'yuan': ['CNY'], 'RMB': ['CNY'],
  '₩': ['KRW'], '원': ['KRW'], '₹': ['INR'], 'Rs.': ['INR'], '฿': ['THB'], 'บาท': ['THB'],
  '₫': ['VND'], 'VNĐ': ['VND'], '₱': ['PHP'], '₦': ['NGN'], 'Rp': ['IDR'], 'RM': ['MYR'],
  '₿': ['BTC'], '₵': ['GHS'], 'GH₵': ['GHS'], '₡': ['CRC'], '₲': ['PYG'], '₭': ['LAK'], '₮': ['MNT'],
  '৳': ['BDT'], '₨': [], '៛': ['KHR'], '؋': ['AFN'], '﷼': [], 'تومان': [], 'ریال': [], 'ريال': [],
  'د.إ': ['AED'], 'ر.س': ['SAR'], 'د.ك': ['KWD'], 'ر.ع.': ['OMR'], 'ر.ق': ['QAR'], 'ج.م': ['EGP'],
  'جنيه': ['EGP'], 'درهم': ['AED', 'MAD'], 'دينار': DINAR,
};

/** Short or word-like forms: only next to a number. */
const NEAR_NUMBER: Record<string, readonly string[]> = {
  'Р': ['RUB'], 'р': ROUBLE, 'Br': ['BYN'], 'KM': ['BAM'], 'kn': ['HRK'], 'zl': ['PLN'], 'Zl': ['PLN'],
  'nis': ['ILS'], 'stg': ['GBP'], 'pound': ['GBP'], 'pounds': ['GBP'], 'Rs': ['INR'], 'đ': ['VND'],
  'din': ['RSD'], 'den': ['MKD'], 'KD': ['KWD'], 'BD': ['BHD'], 'SR': ['SAR'], 'Dh': ['AED', 'MAD'],
  'Dhs': ['AED'], 'DT': ['TND'], 'Fr.': ['CHF'], ':-': KRONA, 'KSh': ['KES'], 'Kshs': ['KES'], 'KShs': ['KES'], 'ман.': ['AZN'],
};

export const CURRENCY_SYMBOLS: ReadonlyMap<string, CurrencySymbol> = new Map<string, CurrencySymbol>([
  ...Object.entries(ANYWHERE).map(([text, isos]): [string, CurrencySymbol] => [text, { isos, near: false }]),
  ...Object.entries(NEAR_NUMBER).map(([text, isos]): [string, CurrencySymbol] => [text, { isos, near: true }]),
]);
