import { readdirSync, readFileSync } from 'node:fs';
import { parseTemplate, type Template } from './template-schema.ts';

const dir = new URL('./templates/', import.meta.url);

/** The built-in templates (audits/templates/*.json), validated, sorted by key. Throws naming the file and
 * path when one is invalid — a bug in the shipped data, not user input. */
export function loadBuiltinTemplates(): Template[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = parseTemplate(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      if (!parsed.ok) throw new Error(`audits/templates/${file}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      if (`${parsed.value.key}.json` !== file) throw new Error(`audits/templates/${file}: key "${parsed.value.key}" must match the file name`);
      return parsed.value;
    });
}
