import { loadConfig } from '../../config.ts';
import { usersRepo } from '../../db/users.ts';
import { startService } from '../../server.ts';
import { parseOptions, type Command } from '../command.ts';

export const command: Command = {
  summary: 'Run the service: API, scheduler and scrapers (what `npm start` runs)',
  usage: 'rivalscope serve',
  async run(args) {
    parseOptions(args, {});
    const config = loadConfig();
    const service = await startService(config);
    console.log(`rivalscope listening on ${service.url} (database ${config.dbPath}); API reference: ${service.url}/api/docs`);
    if (!usersRepo(service.db).hasActiveTokens())
      console.log(
        'No API tokens yet. Create the first admin token with:\n  npm run -s rivalscope -- token create --role admin --name admin',
      );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await service.close();
    return 0;
  },
};
