import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** First usable Chromium: the configured path, a system Chromium, then Playwright's own download. */
export function findChromium(configured?: string): string | null {
  if (configured) return existsSync(configured) ? configured : null;
  for (const path of SYSTEM_PATHS) if (existsSync(path)) return path;
  try {
    const own = chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null;
  }
}
