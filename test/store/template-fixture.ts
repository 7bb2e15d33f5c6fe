import { parseTemplate, type Template } from '../../audits/template-schema.ts';

/** A valid one-question template; `points` changes the document so it makes a new version. */
export function templateDoc(key: string, { title = `Template ${key}`, touchpoint = 'store', points = 5 } = {}): Template {
  const parsed = parseTemplate({
    key,
    title,
    touchpoint,
    sections: [{ key: 's', title: 'Section', questions: [{ key: 'q', text: 'Greeted?', type: 'yesno', points }] }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}
