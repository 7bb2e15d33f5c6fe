import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { usersContract } from '../users.contract.ts';

usersContract(pgStoreFactory);
