import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { visitsContract } from '../visits.contract.ts';

visitsContract(sqliteStoreFactory);
