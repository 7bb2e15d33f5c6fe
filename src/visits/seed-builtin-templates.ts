import { loadBuiltinTemplates } from '../../audits/builtin-templates.ts';
import type { Store } from '../store/store.ts';

/** Stores each built-in template not stored yet as its version 1; idempotent, run at every start. Returns the keys
 * added. */
export async function seedBuiltinTemplates(store: Store): Promise<string[]> {
  const builtins = loadBuiltinTemplates();
  return store.transaction(async (tx) => {
    const stored = new Set((await tx.templates.list({ archived: true })).map((t) => t.key));
    const added = builtins.filter((t) => !stored.has(t.key));
    for (const template of added) await tx.templates.create(template, { publishedBy: null, builtin: true });
    return added.map((t) => t.key);
  });
}
