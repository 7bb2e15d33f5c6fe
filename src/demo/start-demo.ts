import type { Config } from '../config.ts';
import { startService, type Service } from '../server.ts';
import { DEMO_SHOPS } from './catalog.ts';
import { startDemoShops, type DemoShops } from './demo-shops.ts';
import { seedDemo } from './seed-demo.ts';

/** The demo keeps its data apart from a real database unless RIVALSCOPE_DB names one. */
export const DEMO_DB = './data/demo.db';
const DEFAULT_DB = './data/rivalscope.db';
/** How often the demo shops change prices and promotions. */
export const DEMO_DRIFT_MS = 45_000;

export interface Demo {
  service: Service;
  shops: DemoShops;
  /** A token created for the demo's first start (null when tokens already existed). */
  adminToken: string | null;
  close(): Promise<void>;
}

/** Starts the demo shops on loopback, the service allowed to reach them, and seeds their targets. */
export async function startDemo(config: Config): Promise<Demo> {
  const shops = await startDemoShops();
  const service = await startService({
    ...config,
    dbPath: config.dbPath === DEFAULT_DB ? DEMO_DB : config.dbPath,
    allowHosts: [...config.allowHosts, shops.host],
  });
  await seedDemo(service.store, shops);
  shops.driftEvery(DEMO_DRIFT_MS);
  const { users } = service.store;
  const adminToken = (await users.hasActiveTokens()) ? null : (await users.createToken('demo-admin', 'admin')).token;
  return {
    service,
    shops,
    adminToken,
    close: async () => {
      await service.close();
      await shops.close();
    },
  };
}

export function describeDemo(demo: Demo): string {
  const lines = DEMO_SHOPS.map((s) => `  ${s.own ? 'own' : 'competitor'}: ${s.name} (${s.locale}, ${s.currency}) ${demo.shops.origins[s.key]}/`);
  return [
    'Demo shops (prices and promotions change every 45 s; targets run every minute):',
    ...lines,
    demo.adminToken
      ? `Admin token for the demo (shown once):\n  ${demo.adminToken}`
      : 'Use an existing token, or create one: npm run -s rivalscope -- token create --role admin --name admin',
    `Try: curl -H "Authorization: Bearer TOKEN" ${demo.service.url}/api/runs`,
  ].join('\n');
}
