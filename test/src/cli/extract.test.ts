import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

const PAGE = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Młynek</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Młynek żarnowy","sku":"MZ-1",
"offers":{"@type":"Offer","price":"249.99","priceCurrency":"PLN","availability":"https://schema.org/InStock"}}</script></head>
<body><main><h1>Młynek żarnowy</h1><span class="price">249,99 zł</span><p class="returns">Zwrot w ciągu 30 dni</p>
<p class="stock">Brak w magazynie</p><button>Do koszyka</button></main></body></html>`;

const LEGACY = `<html><head><title>Kávomlýnek</title></head><body><main><h1>Kávomlýnek ruční</h1>
<span class="price">1 299 Kč</span><p>Není skladem</p></main></body></html>`;

interface Line {
  source: string;
  name: string | null;
  price: string | null;
  currency: string | null;
  availability: string | null;
  sku: string | null;
  fields: Record<string, { value: unknown }>;
  provenance: Record<string, string>;
  error: string | null;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; lines: Line[]; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ['src/cli/main.ts', 'extract', ...args], { cwd: root, env: { ...process.env, RIVALSCOPE_ALLOW_HOSTS: '', ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, lines: stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line), stderr });
    });
  });
}

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rivalscope-extract-'));
  writeFileSync(join(dir, 'page.html'), PAGE);
  writeFileSync(join(dir, 'page.html.gz'), gzipSync(PAGE));
  writeFileSync(join(dir, 'recipe.json'), JSON.stringify({ fields: [{ key: 'returnDays', selector: '.returns', type: 'duration', better: 'higher' }] }));
  writeFileSync(join(dir, 'bad-recipe.json'), JSON.stringify({ selectors: { price: '.no-such-price' } }));
  server = createServer((req, res) => {
    if (req.url === '/legacy') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1250' });
      res.end(iconv.encode(LEGACY, 'windows-1250'));
    } else if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('rivalscope extract', () => {
  it('prints one JSON line per file source in order, an error line for an unreadable one, and exits 1', async () => {
    const { code, lines } = await runCli([join(dir, 'page.html'), join(dir, 'missing.html'), join(dir, 'page.html.gz')]);
    expect(code).toBe(1);
    expect(lines.map((l) => l.source)).toEqual([join(dir, 'page.html'), join(dir, 'missing.html'), join(dir, 'page.html.gz')]);
    for (const line of [lines[0], lines[2]]) {
      expect(line).toMatchObject({ name: 'Młynek żarnowy', price: '249.99', currency: 'PLN', availability: 'OutOfStock', sku: 'MZ-1', error: null });
      expect(line?.provenance).toMatchObject({ price: 'json-ld', availability: 'heuristic' });
    }
    expect(lines[1]).toMatchObject({ price: null, name: null, promotions: [], fields: {}, provenance: {} });
    expect(lines[1]?.error).toMatch(/ENOENT/);
    expect(Object.keys(lines[0] ?? {})).toEqual([
      'source', 'name', 'price', 'regularPrice', 'currency', 'availability', 'sku', 'gtin', 'brand', 'promotions', 'fields', 'provenance', 'error',
    ]);
  });

  it('applies a recipe file, and reports a recipe that matches nothing as that source error', async () => {
    const [ok, bad] = await Promise.all([
      runCli(['--recipe', join(dir, 'recipe.json'), join(dir, 'page.html')]),
      runCli(['--recipe', join(dir, 'bad-recipe.json'), join(dir, 'page.html')]),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.lines[0]?.fields).toEqual({ returnDays: { value: '30', text: 'Zwrot w ciągu 30 dni' } });
    expect(bad.code).toBe(1);
    expect(bad.lines[0]?.error).toMatch(/^recipe_no_match \(price\)/);
  });

  it('fetches URLs with --static from a local server, honouring the HTTP charset', async () => {
    const { code, lines } = await runCli(['--static', '--locale', 'cs-CZ', `${base}/legacy`, `${base}/missing`, `${base}/page`], { RIVALSCOPE_ALLOW_HOSTS: '127.0.0.1' });
    expect(code).toBe(1);
    expect(lines[0]).toMatchObject({ name: 'Kávomlýnek ruční', price: '1299', currency: 'CZK', availability: 'OutOfStock', error: null });
    expect(lines[1]?.error).toMatch(/404/);
    expect(lines[2]).toMatchObject({ price: '249.99', error: null });
  });

  it('refuses loopback URLs unless RIVALSCOPE_ALLOW_HOSTS allows them', async () => {
    const { code, lines } = await runCli([`${base}/page`]);
    expect(code).toBe(1);
    expect(lines[0]?.price).toBeNull();
    expect(lines[0]?.error).toMatch(/loopback/);
  });

  it('renders URLs in Chromium with --browser, and --auto keeps a static page that shows a price', async () => {
    const env = { RIVALSCOPE_ALLOW_HOSTS: '127.0.0.1' };
    const [browser, auto] = await Promise.all([runCli(['--browser', `${base}/page`], env), runCli(['--auto', `${base}/page`], env)]);
    for (const run of [browser, auto]) {
      expect(run.lines[0]).toMatchObject({ price: '249.99', sku: 'MZ-1', error: null });
      expect(run.code).toBe(0);
    }
  });

  it('rejects conflicting modes, a bad currency and a missing source with exit code 2', async () => {
    const [modes, currency, none] = await Promise.all([runCli(['--static', '--browser', 'x.html']), runCli(['--currency', 'euro', 'x.html']), runCli([])]);
    expect(modes.code).toBe(2);
    expect(currency.code).toBe(2);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('SOURCE');
  });
});
