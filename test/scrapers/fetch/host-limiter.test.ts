import { describe, expect, it } from 'vitest';
import { HostLimiter } from '../../../scrapers/fetch/host-limiter.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('HostLimiter', () => {
  it('runs one request per host at a time by default, other hosts in parallel', async () => {
    const limiter = new HostLimiter({ minDelayMs: 0 });
    const events: string[] = [];
    const gates: Record<string, () => void> = {};
    const job = (name: string, url: string) =>
      limiter.run(url, () => {
        events.push(`start ${name}`);
        return new Promise<void>((resolve) => {
          gates[name] = () => {
            events.push(`end ${name}`);
            resolve();
          };
        });
      });
    const all = Promise.all([job('a1', 'http://a.test/1'), job('a2', 'http://a.test/2'), job('b1', 'http://b.test/1')]);
    await tick();
    expect(events).toEqual(['start a1', 'start b1']);
    expect(limiter.stats()).toEqual({ hosts: 2, active: 2, waiting: 1 });
    gates.a1?.();
    await tick();
    await tick();
    expect(events).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    gates.a2?.();
    gates.b1?.();
    await all;
  });

  it('keeps the minimum delay between starts to one host', async () => {
    const limiter = new HostLimiter({ concurrency: 2, minDelayMs: 120 });
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map((i) => limiter.run(`http://a.test/${i}`, async () => void starts.push(Date.now()))));
    expect(starts).toHaveLength(3);
    expect((starts[1] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(115);
    expect((starts[2] as number) - (starts[1] as number)).toBeGreaterThanOrEqual(115);
  });

  it('releases the slot when a task fails', async () => {
    const limiter = new HostLimiter({ minDelayMs: 0 });
    await expect(limiter.run('http://a.test/', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run('http://a.test/', async () => 'next')).toBe('next');
  });
});
