import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { alertQueueContract } from '../alert-queue.contract.ts';
import { alertsContract } from '../alerts.contract.ts';

alertsContract(pgStoreFactory);
alertQueueContract(pgStoreFactory);
