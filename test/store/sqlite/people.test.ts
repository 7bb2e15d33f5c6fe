import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { peopleContract } from '../people.contract.ts';

peopleContract(sqliteStoreFactory);
