import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { comparisonsContract } from '../comparisons.contract.ts';

comparisonsContract(pgStoreFactory);
