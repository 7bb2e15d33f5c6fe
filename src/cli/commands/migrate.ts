import { loadConfig } from '../../config.ts';
import { migrate } from '../../db/migrate.ts';
import { openDb } from '../../db/open-db.ts';
import { parseOptions, type Command } from '../command.ts';

export const command: Command = {
  summary: 'Apply pending database migrations (serve also does this on start)',
  usage: 'rivalscope migrate',
  async run(args) {
    parseOptions(args, {});
    const db = openDb(loadConfig().dbPath, { migrate: false });
    try {
      console.log(JSON.stringify({ applied: migrate(db) }));
    } finally {
      db.close();
    }
    return 0;
  },
};
