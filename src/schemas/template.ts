import { z } from 'zod';

/** Templates themselves are checked by parseTemplate (audits/template-schema.ts). */
export const TemplatePatch = z.object({ archived: z.boolean() }).strict();
