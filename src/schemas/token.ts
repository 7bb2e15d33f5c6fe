import { z } from 'zod';
import { ROLES } from '../permissions.ts';

export const TokenInput = z
  .object({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES) })
  .strict()
  .meta({ id: 'TokenInput' });
