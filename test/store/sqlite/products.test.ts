import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { productsContract } from '../products.contract.ts';

productsContract(sqliteStoreFactory);
