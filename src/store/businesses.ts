import type { Page, PageRequest } from './paging.ts';

export interface Business {
  id: number;
  name: string;
  own: boolean;
  website: string | null;
  locale: string | null;
  createdAt: string;
  updatedAt: string;
}

export type BusinessInput = Pick<Business, 'name' | 'own' | 'website' | 'locale'>;

export interface BusinessFilter extends PageRequest {
  own?: boolean;
  q?: string;
}

/** The own business and the competitors. At most one business is own (a second one is a conflict). */
export interface BusinessStore {
  get(id: number): Promise<Business>;
  create(input: BusinessInput): Promise<Business>;
  update(id: number, patch: Partial<BusinessInput>): Promise<Business>;
  remove(id: number): Promise<void>;
  list(filter: BusinessFilter): Promise<Page<Business>>;
}
