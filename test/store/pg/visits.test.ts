import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { visitsContract } from '../visits.contract.ts';

visitsContract(pgStoreFactory);
