import { existsSync } from 'node:fs';
import { loadConfig } from '../../config.ts';
import { openStore } from '../../store/open/open-store.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';

export const command: Command = {
  summary: 'Write a consistent copy of the database to FILE, also while the service runs',
  usage: 'rivalscope backup FILE',
  async run(args) {
    const { positionals } = parseOptions(args, {}, true);
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('give exactly one FILE');
    if (existsSync(file)) throw new UsageError(`${file} already exists; choose a new file`);
    const store = await openStore(loadConfig());
    try {
      await store.backup(file);
    } finally {
      await store.close();
    }
    console.log(JSON.stringify({ backup: file }));
    return 0;
  },
};
