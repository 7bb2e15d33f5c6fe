// postinstall: make sure a Chromium exists without ever failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../scrapers/fetch/chromium-path.ts';

const configured = process.env.CHROMIUM_PATH || undefined;

function attempt(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 300_000 });
  return result.status === 0 && findChromium(configured) !== null;
}

function ensure(): string | null {
  const found = findChromium(configured);
  if (found || configured) return found;
  if (attempt(process.execPath, ['node_modules/playwright/cli.js', 'install', 'chromium'])) return findChromium();
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    if (attempt('apt-get', ['install', '-y', '-qq', 'chromium'])) return findChromium();
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', timeout: 300_000 });
    if (attempt('apt-get', ['install', '-y', '-qq', 'chromium'])) return findChromium();
  }
  return null;
}

const path = ensure();
if (path) console.log(`rivalscope: using Chromium at ${path}`);
else
  console.warn(
    'rivalscope: no Chromium found; install one (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH — static scraping works without it.',
  );
