import type { Template } from '../../audits/template-schema.ts';
import { conflict } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { TemplateSummary, TemplateVersion } from '../store/templates.ts';

/** A new template published as version 1; a conflict when the key is taken. */
export function createTemplate(store: Store, template: Template, userId: number | null): Promise<TemplateSummary> {
  return store.transaction((tx) => tx.templates.create(template, { publishedBy: userId, builtin: false }));
}

/** Publishes `template` as the next version of its template; an unchanged document publishes nothing, an archived
 * template takes no new version (a conflict). */
export function publishTemplate(store: Store, template: Template, userId: number | null): Promise<{ version: TemplateVersion; created: boolean }> {
  return store.transaction(async (tx) => {
    const current = await tx.templates.latestVersion(template.key);
    if (current.archived) throw conflict(`template "${template.key}" is archived; unarchive it first`, { field: 'archived' });
    if (JSON.stringify(current.template) === JSON.stringify(template)) return { version: current, created: false };
    return { version: await tx.templates.addVersion(template, current.version + 1, userId), created: true };
  });
}
