import { loadConfig } from '../../config.ts';
import { describeDemo, startDemo } from '../../demo/start-demo.ts';
import { startService } from '../../server.ts';
import { describeDb } from '../../store/open/open-store.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';
import { exitSoon, untilSignal } from '../until-signal.ts';

export const command: Command = {
  summary: 'Run the service: API, scheduler and scrapers (what `npm start` runs); --workers 0 for an API-only node',
  usage: [
    'rivalscope serve [--workers 0] [--demo]',
    '  --workers 0  API only: this process neither plans nor claims runs nor delivers alerts; `rivalscope worker`',
    '               processes sharing its database (RIVALSCOPE_DB) do that',
    '  --demo       also start four demo shops on loopback (own + three competitors), seed their targets',
    '               (every minute) and let their prices change; data goes to ./data/demo.db unless RIVALSCOPE_DB is set',
    'SIGTERM or SIGINT: stop claiming, let running runs finish for RIVALSCOPE_SHUTDOWN_GRACE_MS, hand the rest back to the queue, exit.',
  ].join('\n'),
  async run(args) {
    const { values } = parseOptions(args, { demo: { type: 'boolean', default: false }, workers: { type: 'string' } });
    if (values.workers !== undefined && values.workers !== '0')
      throw new UsageError('--workers takes 0 (API only); run `rivalscope worker --concurrency N` for more workers');
    const config = loadConfig();
    if (values.demo) {
      const demo = await startDemo(config);
      console.log(`rivalscope demo listening on ${demo.service.url}; API reference: ${demo.service.url}/api/docs`);
      console.log(describeDemo(demo));
      await untilSignal();
      await demo.close();
      return 0;
    }
    const apiOnly = values.workers === '0';
    const service = await startService(config, apiOnly ? { work: false } : {});
    const role = apiOnly ? 'API only' : service.scheduler ? 'API, planner and workers' : 'API only (RIVALSCOPE_SCHEDULER=off)';
    console.log(`rivalscope listening on ${service.url} (${role}; database ${describeDb(config.dbPath)}); API reference: ${service.url}/api/docs`);
    if (!(await service.store.users.hasActiveTokens()))
      console.log(
        'No API tokens yet. Create the first admin token with:\n  npm run -s rivalscope -- token create --role admin --name admin',
      );
    if ((await service.store.people.list({ limit: 1 })).items.length === 0)
      console.log(
        `Nobody signs in to the pages (${service.url}/) yet. Invite the first admin with:\n  npm run -s rivalscope -- user invite --email you@example.com --role admin`,
      );
    await untilSignal();
    await service.close(config.shutdownGraceMs);
    exitSoon(0);
    return 0;
  },
};
