import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { runsContract } from '../runs.contract.ts';

runsContract(sqliteStoreFactory);
