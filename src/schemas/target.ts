import { z } from 'zod';
import { recipeSchema } from '../../scrapers/recipe.ts';
import { scheduleProblem } from '../cron/schedule.ts';
import { Locale } from './business.ts';

export const FetchMode = z.enum(['static', 'browser', 'auto']);

const fields = {
  businessId: z.number().int().positive(),
  productId: z.number().int().positive(),
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2048),
  fetch: FetchMode,
  schedule: z
    .string()
    .max(100)
    .superRefine((s, ctx) => {
      const problem = scheduleProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: `invalid cron schedule: ${problem}` });
    })
    .meta({ example: '0 */6 * * *' }),
  locale: Locale.nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as PLN')
    .nullable(),
  recipe: recipeSchema.nullable(),
  enabled: z.boolean(),
  respectRobots: z.boolean().meta({ description: 'Honour robots.txt (default true); the override is recorded' }),
  minPriceDelta: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'a decimal amount such as "0.50"')
    .nullable()
    .meta({ description: 'Price changes smaller than this are not recorded' }),
};

export const TargetInput = z
  .object({
    ...fields,
    fetch: fields.fetch.default('auto'),
    schedule: fields.schedule.default('0 */6 * * *'),
    locale: fields.locale.default(null),
    currency: fields.currency.default(null),
    recipe: fields.recipe.default(null),
    enabled: fields.enabled.default(true),
    respectRobots: fields.respectRobots.default(true),
    minPriceDelta: fields.minPriceDelta.default(null),
  })
  .strict()
  .meta({ id: 'TargetInput' });

export const TargetPatch = z.object(fields).partial().strict().meta({ id: 'TargetPatch' });
