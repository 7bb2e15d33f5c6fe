import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { targetsContract } from '../targets.contract.ts';

targetsContract(pgStoreFactory);
