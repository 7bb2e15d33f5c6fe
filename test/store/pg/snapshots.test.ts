import { pgStoreFactory } from '../../helpers/pg-store-factory.ts';
import { snapshotsContract } from '../snapshots.contract.ts';

snapshotsContract(pgStoreFactory);
