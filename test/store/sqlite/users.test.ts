import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { usersContract } from '../users.contract.ts';

usersContract(sqliteStoreFactory);
