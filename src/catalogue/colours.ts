/** Colour words in English and Czech (folded), by the colour they name. Stems take the Czech endings. */
const COLOURS: Record<string, RegExp> = {
  black: /^(black|cern(a|y|e|ou|eho|ych)?)$/,
  white: /^(white|bil(a|y|e|ou|eho|ych))$/,
  red: /^(red|cerven(a|y|e|ou|eho|ych)?)$/,
  blue: /^(blue|navy|modr(a|y|e|ou|eho|ych))$/,
  green: /^(green|zelen(a|y|e|ou|eho|ych))$/,
  yellow: /^(yellow|zlut(a|y|e|ou|eho|ych))$/,
  pink: /^(pink|ruzov(a|y|e|ou|eho|ych))$/,
  grey: /^(grey|gray|sed(a|y|e|ou|eho|ych))$/,
  silver: /^(silver|stribrn(a|y|e|ou|eho|ych))$/,
  brown: /^(brown|hned(a|y|e|ou|eho|ych))$/,
  orange: /^(orange|oranzov(a|y|e|ou|eho|ych))$/,
  purple: /^(purple|violet|fialov(a|y|e|ou|eho|ych))$/,
  gold: /^(gold|zlat(a|y|e|ou|eho|ych))$/,
  beige: /^(beige|bezov(a|y|e|ou|eho|ych))$/,
  turquoise: /^(turquoise|tyrkysov(a|y|e|ou|eho|ych))$/,
};

/** The colours a list of folded words names: ["cerna", "black"] → {"black"}. */
export function coloursOf(words: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const word of words) {
    for (const [colour, pattern] of Object.entries(COLOURS)) if (pattern.test(word)) found.add(colour);
  }
  return found;
}
