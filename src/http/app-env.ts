import type { Config } from '../config.ts';
import type { Db } from '../db/open-db.ts';
import type { Principal } from '../db/users.ts';
import type { Logger } from '../logger.ts';

/** What the HTTP layer is built from: shared by the server and the tests. */
export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
}

export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
  };
}
