import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { changesContract } from '../changes.contract.ts';

changesContract(sqliteStoreFactory);
