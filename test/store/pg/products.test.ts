import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { productsContract } from '../products.contract.ts';

productsContract(pgStoreFactory);
