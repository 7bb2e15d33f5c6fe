import { z } from 'zod';

const fields = {
  name: z.string().trim().min(1).max(200).meta({ example: 'Espresso 250 g' }),
  sku: z.string().trim().min(1).max(100).nullable(),
  gtin: z
    .string()
    .regex(/^\d{8}$|^\d{12,14}$/, 'a GTIN has 8, 12, 13 or 14 digits')
    .nullable(),
};

export const ProductInput = z
  .object({ name: fields.name, sku: fields.sku.default(null), gtin: fields.gtin.default(null) })
  .strict()
  .meta({ id: 'ProductInput' });

export const ProductPatch = z.object(fields).partial().strict().meta({ id: 'ProductPatch' });
