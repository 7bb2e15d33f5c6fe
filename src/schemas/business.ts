import { z } from 'zod';

export const Locale = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as pl-PL')
  .meta({ example: 'pl-PL' });

const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'an http(s) URL' })
  .max(2048)
  .meta({ example: 'https://shop.example' });

export const BusinessInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    own: z.boolean().default(false),
    website: HttpUrl.nullable().default(null),
    locale: Locale.nullable().default(null),
  })
  .strict()
  .meta({ id: 'BusinessInput' });

export const BusinessPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    own: z.boolean(),
    website: HttpUrl.nullable(),
    locale: Locale.nullable(),
  })
  .partial()
  .strict()
  .meta({ id: 'BusinessPatch' });
