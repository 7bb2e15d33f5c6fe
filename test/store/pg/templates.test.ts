import { expect, it } from 'vitest';
import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { withAdmin } from '../../helpers/postgres.ts';
import { templateDoc } from '../template-fixture.ts';
import { templatesContract } from '../templates.contract.ts';
import { freshPgDatabase } from '../../helpers/pg-store-factory.ts';
import { openPgStore } from '../../../src/store/pg/pg-store.ts';

templatesContract(pgStoreFactory);

it('refuses to change a published version, even in raw SQL', async () => {
  const database = await freshPgDatabase();
  const store = await openPgStore(database.url, { poolSize: 1 });
  try {
    await store.transaction((tx) => tx.templates.create(templateDoc('hotline'), { publishedBy: null, builtin: false }));
    await expect(withAdmin(database.url, (c) => c.query(`UPDATE template_versions SET document = '{}'`))).rejects.toThrow(/immutable/);
  } finally {
    await store.close();
    await database.drop();
  }
});
