import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import type { Principal } from '../store/users.ts';
import type { Logger } from '../logger.ts';

/** What the HTTP layer is built from: shared by the server and the tests. */
export interface AppDeps {
  store: Store;
  config: Config;
  logger: Logger;
}

export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
  };
}
