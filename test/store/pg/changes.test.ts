import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { changesContract } from '../changes.contract.ts';

changesContract(pgStoreFactory);
