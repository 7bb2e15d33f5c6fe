import type { CheerioAPI } from 'cheerio';
import type { FieldValue, Offer, Provenance } from '../offer.ts';
import type { Recipe, RecipeField } from '../recipe.ts';
import { ExtractionError } from './extraction-error.ts';
import { readBoolean, readDuration, readNumber } from './field-values.ts';
import { cleanGtin, schemaAvailability, type PageContext } from './found.ts';
import { readMoney, readPrice } from './price-text.ts';
import { stockFromText } from './stock-phrases.ts';

type Pick = Recipe['selectors'][keyof Recipe['selectors']];

function noMatch(field: string, what: string): ExtractionError {
  return new ExtractionError('recipe_no_match', `recipe ${what} for "${field}"`, field);
}

/** Texts of every element the selector matches (an attribute's value when one is named). */
function matchTexts($: CheerioAPI, field: string, selector: string, attribute?: string): string[] {
  let found;
  try {
    found = $(selector).toArray();
  } catch {
    throw noMatch(field, `selector ${JSON.stringify(selector)} is not valid CSS`);
  }
  const texts = found
    .map((el) => (attribute ? ($(el).attr(attribute) ?? '') : $(el).text()).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (!texts.length) throw noMatch(field, `selector ${JSON.stringify(selector)} matched nothing`);
  return texts;
}

function pickTexts($: CheerioAPI, field: string, pick: NonNullable<Pick>): string[] {
  return typeof pick === 'string' ? matchTexts($, field, pick) : matchTexts($, field, pick.selector, pick.attribute);
}

/** Recipe selectors override what extraction found for the standard fields; provenance becomes "recipe". */
function applySelectors($: CheerioAPI, recipe: Recipe, offer: Offer, provenance: Provenance, ctx: PageContext): void {
  for (const [field, pick] of Object.entries(recipe.selectors) as [keyof Recipe['selectors'], Pick][]) {
    if (!pick) continue;
    const texts = pickTexts($, field, pick);
    const text = texts[0] as string;
    if (field === 'promotions') offer.promotions = texts;
    else if (field === 'price' || field === 'regularPrice') {
      const read = readPrice(text, { locale: ctx.locale, currency: ctx.currency });
      if (!read) throw noMatch(field, `text ${JSON.stringify(text)} holds no price`);
      offer[field] = read.amount;
      if (field === 'price' && read.currency) offer.currency = read.currency;
    } else if (field === 'currency') {
      const code = /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : readPrice(`1 ${text}`, { locale: ctx.locale })?.currency;
      if (!code) throw noMatch(field, `text ${JSON.stringify(text)} names no currency`);
      offer.currency = code;
    } else if (field === 'availability') {
      const stock = schemaAvailability(text) ?? stockFromText(text);
      if (!stock) throw noMatch(field, `text ${JSON.stringify(text)} says nothing about stock`);
      offer.availability = stock;
    } else if (field === 'gtin') offer.gtin = cleanGtin(text) ?? text;
    else offer[field] = text;
    provenance[field] = 'recipe';
  }
}

function fieldValue(field: RecipeField, text: string, ctx: PageContext): FieldValue | null {
  switch (field.type) {
    case 'money': {
      const read = readMoney(text, { locale: ctx.locale, currency: ctx.currency });
      return read ? { value: read.amount, currency: read.currency ?? ctx.currency ?? null, text } : null;
    }
    case 'number':
    case 'percent': {
      const value = readNumber(text);
      return value === null ? null : { value, text };
    }
    case 'duration': {
      const value = readDuration(text);
      return value === null ? null : { value, text };
    }
    case 'boolean':
      return { value: readBoolean(text), text };
    case 'text':
      return { value: text, text };
  }
}

/** Custom fields for offer terms, each read by its selector (and pattern) and normalised by its type. */
function applyFields($: CheerioAPI, recipe: Recipe, offer: Offer, provenance: Provenance, ctx: PageContext): void {
  for (const field of recipe.fields) {
    const name: `fields.${string}` = `fields.${field.key}`;
    let text = matchTexts($, name, field.selector, field.attribute)[0] as string;
    if (field.pattern) {
      const m = new RegExp(field.pattern, 'iu').exec(text);
      if (!m) throw noMatch(name, `pattern ${JSON.stringify(field.pattern)} matched nothing in ${JSON.stringify(text.slice(0, 80))}`);
      text = (m[1] ?? m[0]).trim();
    }
    const value = fieldValue(field, text, ctx);
    if (!value) throw noMatch(name, `text ${JSON.stringify(text.slice(0, 80))} is not a ${field.type}`);
    offer.fields[field.key] = value;
    provenance[name] = 'recipe';
  }
}

/** Applies a recipe to an extracted offer; throws ExtractionError("recipe_no_match") naming the first field that matches nothing. */
export function applyRecipe($: CheerioAPI, recipe: Recipe, offer: Offer, provenance: Provenance, ctx: PageContext): void {
  applySelectors($, recipe, offer, provenance, ctx);
  applyFields($, recipe, offer, provenance, ctx);
}
