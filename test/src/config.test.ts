import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('has working defaults for a fresh machine', () => {
    expect(loadConfig({})).toMatchObject({
      dbPath: './data/rivalscope.db',
      host: '127.0.0.1',
      port: 8787,
      allowHosts: [],
      logLevel: 'info',
    });
  });

  it('parses allow-listed hosts and CIDRs', () => {
    expect(loadConfig({ RIVALSCOPE_ALLOW_HOSTS: ' shop.local, 127.0.0.0/8 ,' }).allowHosts).toEqual(['shop.local', '127.0.0.0/8']);
  });

  it('takes the public URL for links without a trailing slash; only http and https', () => {
    expect(loadConfig({ RIVALSCOPE_PUBLIC_URL: 'https://rivalscope.example.com/' }).publicUrl).toBe('https://rivalscope.example.com');
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(() => loadConfig({ RIVALSCOPE_PUBLIC_URL: 'ftp://example.com' })).toThrow(/RIVALSCOPE_PUBLIC_URL/);
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadConfig({ RIVALSCOPE_PORT: '99999' })).toThrow(ConfigError);
    expect(() => loadConfig({ RIVALSCOPE_PORT: '99999' })).toThrow(/RIVALSCOPE_PORT/);
    expect(() => loadConfig({ RIVALSCOPE_LOG_LEVEL: 'loud' })).toThrow(/RIVALSCOPE_LOG_LEVEL/);
  });
});
