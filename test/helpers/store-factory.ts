import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { StoreHandle } from '../../src/store/store.ts';
import { tempDir } from './test-app.ts';

/** Opens a fresh, empty, migrated store; `close()` also removes what it left on disk. */
export type StoreFactory = () => Promise<StoreHandle>;

/** The embedded backend on a real SQLite file in a temp directory. */
export const sqliteStoreFactory: StoreFactory = async () => {
  const tmp = tempDir('rivalscope-store-');
  const store = openSqliteStore(join(tmp.dir, 'store.db'));
  return {
    ...store,
    async close() {
      await store.close();
      tmp.remove();
    },
  };
};
