import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { runsContract } from '../runs.contract.ts';

runsContract(pgStoreFactory);
