import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { comparisonsContract } from '../comparisons.contract.ts';

comparisonsContract(sqliteStoreFactory);
