import { loadConfig } from '../../config.ts';
import { migrateStore } from '../../store/open/open-store.ts';
import { parseOptions, type Command } from '../command.ts';

export const command: Command = {
  summary: 'Apply pending database migrations (serve also does this on start)',
  usage: 'rivalscope migrate',
  async run(args) {
    parseOptions(args, {});
    console.log(JSON.stringify({ applied: await migrateStore(loadConfig()) }));
    return 0;
  },
};
