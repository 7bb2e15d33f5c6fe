import { sqliteStoreFactory } from '../../helpers/store-factory.ts';
import { snapshotsContract } from '../snapshots.contract.ts';

snapshotsContract(sqliteStoreFactory);
