import { loadConfig } from '../../config.ts';
import { migrate } from '../../store/sqlite/migrate.ts';
import { openSqliteFile } from '../../store/sqlite/open-sqlite.ts';
import { parseOptions, type Command } from '../command.ts';

export const command: Command = {
  summary: 'Apply pending database migrations (serve also does this on start)',
  usage: 'rivalscope migrate',
  async run(args) {
    parseOptions(args, {});
    const db = openSqliteFile(loadConfig().dbPath, { migrate: false });
    try {
      console.log(JSON.stringify({ applied: migrate(db) }));
    } finally {
      db.close();
    }
    return 0;
  },
};
