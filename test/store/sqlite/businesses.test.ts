import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { businessesContract } from '../businesses.contract.ts';

businessesContract(sqliteStoreFactory);
