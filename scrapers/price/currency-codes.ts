/** Active ISO 4217 codes (plus HRK, still printed on older pages, and BTC, widely used as a code). */
export const ISO_CODES: ReadonlySet<string> = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD ' +
    'KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK ' +
    'NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD ' +
    'SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD ' +
    'XOF XPF YER ZAR ZMW ZWL BTC'
  ).split(' '),
);

/** Codes that are also ordinary words or brands: only read as a currency right next to a number. */
export const WORDLIKE_CODES: ReadonlySet<string> = new Set(
  'ALL AMD BAM BOB CUP CVE GEL MAD MOP PEN PHP SOS TOP TRY WST'.split(' '),
);

/** Currencies with three minor digits: "423.923 KWD" is a decimal, not thousands. */
export const THREE_DECIMAL_CODES: ReadonlySet<string> = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

/** Currencies written without minor units (by ISO 4217 or in practice): "229.990 CLP" and "12.000 Ft" group thousands. */
export const ZERO_DECIMAL_CODES: ReadonlySet<string> = new Set('BIF CLP DJF GNF HUF IDR ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));

/** Currencies written with a bare "$", most common first. */
export const DOLLAR_CURRENCIES = [
  'USD', 'CAD', 'AUD', 'NZD', 'MXN', 'SGD', 'HKD', 'ARS', 'CLP', 'COP', 'TWD', 'UYU', 'BSD', 'BBD', 'BZD',
  'BMD', 'BND', 'FJD', 'GYD', 'JMD', 'KYD', 'LRD', 'NAD', 'SBD', 'SRD', 'TTD', 'XCD', 'CUP', 'DOP',
] as const;

/** The usual currency of a country (ISO 3166 alpha-2, also as a TLD or locale region). */
export const REGION_CURRENCY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    'AT BE CY DE EE ES FI FR GR IE IT LT LU LV MT NL PT SI SK HR AD MC SM VA ME XK'
      .split(' ')
      .map((r) => [r, 'EUR']),
  ),
  GB: 'GBP', UK: 'GBP', CH: 'CHF', LI: 'CHF', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', MD: 'MDL',
  BG: 'BGN', SE: 'SEK', NO: 'NOK', DK: 'DKK', FO: 'DKK', GL: 'DKK', IS: 'ISK', RS: 'RSD', MK: 'MKD',
  AL: 'ALL', BA: 'BAM', UA: 'UAH', BY: 'BYN', RU: 'RUB', TR: 'TRY', GE: 'GEL', AM: 'AMD', AZ: 'AZN',
  GI: 'GIP', US: 'USD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', MX: 'MXN', SG: 'SGD', HK: 'HKD', TW: 'TWD',
  AR: 'ARS', CL: 'CLP', CO: 'COP', UY: 'UYU', BR: 'BRL', JP: 'JPY', CN: 'CNY', KR: 'KRW', IN: 'INR',
  IL: 'ILS', ZA: 'ZAR', AE: 'AED', SA: 'SAR', EG: 'EGP', TH: 'THB', VN: 'VND', ID: 'IDR', MY: 'MYR',
  PH: 'PHP', KZ: 'KZT', NI: 'NIO', EC: 'USD', SV: 'USD', PR: 'USD',
};

/** Languages that settle an ambiguous symbol when the locale has no region ("sv" → kr is SEK). */
export const LANGUAGE_CURRENCY: Readonly<Record<string, string>> = {
  sv: 'SEK', nb: 'NOK', nn: 'NOK', no: 'NOK', da: 'DKK', fo: 'DKK', is: 'ISK', ja: 'JPY', zh: 'CNY',
  ro: 'RON', ru: 'RUB', be: 'BYN',
};
