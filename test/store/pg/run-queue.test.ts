import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { runQueueContract } from '../run-queue.contract.ts';

runQueueContract(pgStoreFactory);
