import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteFile } from '../../../src/store/sqlite/open-sqlite.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { tempDir } from '../../helpers/test-app.ts';
import { templateDoc } from '../template-fixture.ts';
import { templatesContract } from '../templates.contract.ts';

templatesContract(sqliteStoreFactory);

it('refuses to change a published version, even in raw SQL', async () => {
  const tmp = tempDir('rivalscope-store-');
  const path = join(tmp.dir, 'store.db');
  const store = openSqliteStore(path);
  const raw = openSqliteFile(path, { migrate: false });
  try {
    await store.transaction((tx) => tx.templates.create(templateDoc('hotline'), { publishedBy: null, builtin: false }));
    expect(() => raw.prepare("UPDATE template_versions SET document = '{}'").run()).toThrow(/immutable/);
  } finally {
    raw.close();
    await store.close();
    tmp.remove();
  }
});
