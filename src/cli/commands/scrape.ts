import { loadConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { Scheduler } from '../../scheduler/scheduler.ts';
import { openStore } from '../../store/open/open-store.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';

export const command: Command = {
  summary: 'Scrape one target now and print the snapshot as JSON (the run is recorded like any other)',
  usage: 'rivalscope scrape TARGET_ID',
  async run(args) {
    const { positionals } = parseOptions(args, {}, true);
    const [id, ...extra] = positionals;
    if (!id || extra.length || !/^\d+$/.test(id)) throw new UsageError('give exactly one numeric TARGET_ID');
    const config = loadConfig();
    const store = await openStore(config);
    const scheduler = new Scheduler({ store, config, logger: createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel }) });
    try {
      const run = await scheduler.scrapeNow(Number(id));
      if (run.status !== 'succeeded' || run.snapshotId === null) {
        console.error(`run ${run.id} of target ${id} ${run.status}: ${run.code ?? ''}${run.error ? ` — ${run.error}` : ''}`);
        return 1;
      }
      console.log(JSON.stringify(await store.snapshots.get(run.snapshotId), null, 2));
      return 0;
    } finally {
      await scheduler.stop();
      await store.close();
    }
  },
};
