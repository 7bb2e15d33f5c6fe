import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { peopleContract } from '../people.contract.ts';

peopleContract(pgStoreFactory);
