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
  byPath: ReadonlyMap<string, Asset>;
}

const ENTRY_POINTS = {
  app: fileURLToPath(new URL('../client/app.ts', import.meta.url)),
  styles: fileURLToPath(new URL('../layout/app.css', import.meta.url)),
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
  const find = (prefix: string) => {
    const path = [...byPath.keys()].find((p) => p.startsWith(`/assets/${prefix}.`));
    if (!path) throw new Error(`asset bundle has no ${prefix}`);
    return path;
  };
  return { scriptPath: find('app'), stylePath: find('styles'), byPath };
}

let assets: Assets | undefined;

/** The client bundle, built by esbuild on first use (at app start) and kept in memory for the life of the process. */
export const webAssets = (): Assets => (assets ??= build());
