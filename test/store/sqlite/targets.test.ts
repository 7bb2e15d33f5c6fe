import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { targetsContract } from '../targets.contract.ts';

targetsContract(sqliteStoreFactory);
