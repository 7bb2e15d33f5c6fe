import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { runQueueContract } from '../run-queue.contract.ts';

runQueueContract(sqliteStoreFactory);
