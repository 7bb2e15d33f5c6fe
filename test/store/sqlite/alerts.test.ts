import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { alertQueueContract } from '../alert-queue.contract.ts';
import { alertsContract } from '../alerts.contract.ts';

alertsContract(sqliteStoreFactory);
alertQueueContract(sqliteStoreFactory);
