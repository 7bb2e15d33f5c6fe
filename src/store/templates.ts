import type { Template } from '../../audits/template-schema.ts';

export interface TemplateVersionInfo {
  version: number;
  title: string;
  publishedAt: string;
  publishedBy: string | null;
}

export interface TemplateSummary {
  key: string;
  title: string;
  touchpoint: string;
  builtin: boolean;
  archived: boolean;
  archivedAt: string | null;
  latestVersion: number;
  createdAt: string;
}

/** One immutable published version with its document. */
export interface TemplateVersion extends TemplateVersionInfo {
  id: number;
  key: string;
  archived: boolean;
  template: Template;
}

/**
 * Versioned scorecard templates. A template is known by its key; each publication adds the next version,
 * and a published version never changes. Missing templates and versions are not found.
 */
export interface TemplateStore {
  /** The template with its latest version's title and touchpoint. */
  summary(key: string): Promise<TemplateSummary>;
  /** By key; archived templates only when asked for. */
  list(filter: { archived: boolean }): Promise<TemplateSummary[]>;
  /** Every version of the template, oldest first (empty for an unknown key). */
  versions(key: string): Promise<TemplateVersionInfo[]>;
  latestVersion(key: string): Promise<TemplateVersion>;
  version(key: string, version: number): Promise<TemplateVersion>;
  versionById(id: number): Promise<TemplateVersion>;
  /** Stores a template with `template` as its version 1; a taken key is a conflict. Call inside a unit of work. */
  create(template: Template, options: { publishedBy: number | null; builtin: boolean }): Promise<TemplateSummary>;
  /** Stores `template` as version `version` of the template `template.key`; a version already stored is a
   * conflict. */
  addVersion(template: Template, version: number, publishedBy: number | null): Promise<TemplateVersion>;
  setArchived(key: string, archived: boolean): Promise<TemplateSummary>;
}
