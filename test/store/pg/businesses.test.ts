import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { businessesContract } from '../businesses.contract.ts';

businessesContract(pgStoreFactory);
