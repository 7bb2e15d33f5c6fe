import { loadConfig } from '../../config.ts';
import { describeDemo, startDemo } from '../../demo/start-demo.ts';
import { startService } from '../../server.ts';
import { describeDb } from '../../store/open/open-store.ts';
import { parseOptions, type Command } from '../command.ts';

function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export const command: Command = {
  summary: 'Run the service: API, scheduler and scrapers (what `npm start` runs); --demo adds local demo shops',
  usage:
    'rivalscope serve [--demo]\n  --demo  also start four demo shops on loopback (own + three competitors), seed their targets\n          (every minute) and let their prices change; data goes to ./data/demo.db unless RIVALSCOPE_DB is set',
  async run(args) {
    const { values } = parseOptions(args, { demo: { type: 'boolean', default: false } });
    const config = loadConfig();
    if (values.demo) {
      const demo = await startDemo(config);
      console.log(`rivalscope demo listening on ${demo.service.url}; API reference: ${demo.service.url}/api/docs`);
      console.log(describeDemo(demo));
      await untilSignal();
      await demo.close();
      return 0;
    }
    const service = await startService(config);
    console.log(`rivalscope listening on ${service.url} (database ${describeDb(config.dbPath)}); API reference: ${service.url}/api/docs`);
    if (!(await service.store.users.hasActiveTokens()))
      console.log(
        'No API tokens yet. Create the first admin token with:\n  npm run -s rivalscope -- token create --role admin --name admin',
      );
    if ((await service.store.people.list({ limit: 1 })).items.length === 0)
      console.log(
        `Nobody signs in to the pages (${service.url}/) yet. Invite the first admin with:\n  npm run -s rivalscope -- user invite --email you@example.com --role admin`,
      );
    await untilSignal();
    await service.close();
    return 0;
  },
};
