import { escapeHtml } from './escape-html.ts';

interface Operation {
  summary?: string;
  tags?: string[];
  'x-roles'?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

type Document = { info: { title: string; version: string }; paths?: Record<string, Record<string, Operation>> };

/** A self-contained, browsable API reference rendered from the OpenAPI document (no CDN, works offline). */
export function renderDocsPage(doc: Document): string {
  const rows: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? [])
        .map((p) => `${escapeHtml(p.name)}${p.required ? '' : '?'} <small>(${escapeHtml(p.in)})</small>`)
        .join(', ');
      const body = op.requestBody?.content?.['application/json']?.schema;
      rows.push(`<tr>
  <td><code class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</code></td>
  <td><code>${escapeHtml(path)}</code></td>
  <td>${escapeHtml(op.summary ?? '')}${params ? `<br><small>${params}</small>` : ''}${
    body ? `<details><summary>body</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ''
  }</td>
  <td>${escapeHtml((op['x-roles'] ?? ['none (public)']).join(', '))}</td>
</tr>`);
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)} API</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}pre{font-size:12px;max-height:20rem;overflow:auto}
.m{font-weight:bold}.get{color:#0a6}.post{color:#06c}.patch,.put{color:#a60}.delete{color:#c00}</style></head>
<body><h1>${escapeHtml(doc.info.title)} API <small>${escapeHtml(doc.info.version)}</small></h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Roles</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></body></html>`;
}
