import { describe, expect, it } from 'vitest';
import { safeNext } from '../../../src/web/auth/safe-next.ts';

describe('safeNext', () => {
  it('keeps paths on this site and turns everything else into /', () => {
    expect(safeNext('/changes?since=2026-01-01')).toBe('/changes?since=2026-01-01');
    for (const bad of ['//evil.test', '/\\evil.test', 'https://evil.test/', 'javascript:alert(1)', '/a\\b', '/a\nb', undefined, 42, ''])
      expect(safeNext(bad)).toBe('/');
  });
});
