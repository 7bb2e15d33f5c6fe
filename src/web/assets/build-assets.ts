import { buildSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** One bundled file, held in memory: served under /assets/<name>.<hash>.<ext>. */
export interface Asset {
  contentType: string;
  body: Uint8Array;
  gzip: Uint8Array;
}

export interface Assets {
  /** URL paths of the entry points, e.g. `/assets/app.3F2A9C1B.js`. */
  scriptPath: string;
  stylePath: string;
  /** The URL path of a page's own entry point (see PAGE_ENTRY_POINTS), e.g. `pageAsset('product-chart', 'js')`. */
  pageAsset(name: keyof typeof PAGE_ENTRY_POINTS, ext: 'js' | 'css'): string;
  byPath: ReadonlyMap<string, Asset>;
}

/** Scripts only some pages load (after app.ts), each with the CSS it imports. */
const PAGE_ENTRY_POINTS = {
  'product-chart': fileURLToPath(new URL('../client/product-chart.ts', import.meta.url)),
};

const ENTRY_POINTS = {
  app: fileURLToPath(new URL('../client/app.ts', import.meta.url)),
  styles: fileURLToPath(new URL('../layout/app.css', import.meta.url)),
  ...PAGE_ENTRY_POINTS,
};

const CONTENT_TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

function build(): Assets {
  const result = buildSync({
    entryPoints: ENTRY_POINTS,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022'],
    write: false,
    outdir: '/assets',
    entryNames: '[name].[hash]',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const byPath = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const path = file.path;
    const ext = path.slice(path.lastIndexOf('.') + 1);
    byPath.set(path, { contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream', body: file.contents, gzip: gzipSync(file.contents, { level: 9 }) });
  }
  const find = (prefix: string, ext = '') => {
    const path = [...byPath.keys()].find((p) => p.startsWith(`/assets/${prefix}.`) && p.endsWith(ext));
    if (!path) throw new Error(`asset bundle has no ${prefix}${ext}`);
    return path;
  };
  const pages = new Map(
    Object.keys(PAGE_ENTRY_POINTS).flatMap((name) => [`${name}.js`, `${name}.css`].map((key) => [key, find(name, key.slice(name.length))])),
  );
  return { scriptPath: find('app'), stylePath: find('styles'), pageAsset: (name, ext) => pages.get(`${name}.${ext}`)!, byPath };
}

let assets: Assets | undefined;

/** The client bundle, built by esbuild on first use (at app start) and kept in memory for the life of the process. */
export const webAssets = (): Assets => (assets ??= build());
