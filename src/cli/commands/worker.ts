import { loadConfig, type Config } from '../../config.ts';
import { startWorker } from '../../server.ts';
import { describeDb } from '../../store/open/open-store.ts';
import type { Lane } from '../../store/runs.ts';
import { LANES } from '../../scheduler/scheduler.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';
import { exitSoon, untilSignal } from '../until-signal.ts';

function parseLanes(text: string): Lane[] {
  const lanes = text.split(',').map((l) => l.trim()).filter(Boolean);
  const unknown = lanes.filter((l) => !LANES.includes(l as Lane));
  if (unknown.length || lanes.length === 0) throw new UsageError(`--lanes takes static, browser or both (got "${text}")`);
  return [...new Set(lanes as Lane[])];
}

function parseConcurrency(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency takes a whole number from 1 to 64 (got "${text}")`);
  return n;
}

export const command: Command = {
  summary: 'Plan and run scrapes and deliver alerts, without the API: start any number of them on one database',
  usage: [
    'rivalscope worker [--lanes static,browser] [--concurrency N]',
    '  --lanes        the run lanes this process takes runs from (default both)',
    '  --concurrency  runs at once in each of its lanes (default RIVALSCOPE_STATIC_CONCURRENCY and',
    '                 RIVALSCOPE_BROWSER_CONCURRENCY)',
    'Every worker and `serve` process sharing RIVALSCOPE_DB (a postgres:// URL past one machine) plans due runs',
    'once per tick between them and takes each run once. SIGTERM or SIGINT: stop claiming, let running runs',
    'finish for RIVALSCOPE_SHUTDOWN_GRACE_MS, hand the rest back to the queue, exit.',
  ].join('\n'),
  async run(args) {
    const { values } = parseOptions(args, { lanes: { type: 'string' }, concurrency: { type: 'string' } });
    const lanes = values.lanes === undefined ? [...LANES] : parseLanes(values.lanes);
    const concurrency = values.concurrency === undefined ? undefined : parseConcurrency(values.concurrency);
    const loaded = loadConfig();
    const config: Config =
      concurrency === undefined ? loaded : { ...loaded, staticConcurrency: concurrency, browserConcurrency: Math.min(concurrency, 16) };
    const worker = await startWorker(config, { lanes });
    const limits = lanes.map((lane) => `${lane} ×${lane === 'static' ? config.staticConcurrency : config.browserConcurrency}`).join(', ');
    console.log(`rivalscope worker ${worker.scheduler.owner} running (${limits}; database ${describeDb(config.dbPath)})`);
    await untilSignal();
    await worker.close(config.shutdownGraceMs);
    exitSoon(0);
    return 0;
  },
};
