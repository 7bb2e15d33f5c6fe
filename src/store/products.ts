import type { Page, PageRequest } from './paging.ts';

export interface Product {
  id: number;
  name: string;
  sku: string | null;
  gtin: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ProductInput = Pick<Product, 'name' | 'sku' | 'gtin'>;

export interface ProductFilter extends PageRequest {
  q?: string;
  sku?: string;
}

/** The products that businesses sell; each target watches one product at one business. */
export interface ProductStore {
  get(id: number): Promise<Product>;
  create(input: ProductInput): Promise<Product>;
  update(id: number, patch: Partial<ProductInput>): Promise<Product>;
  /** Deletes the product with its targets and their history. */
  remove(id: number): Promise<void>;
  list(filter: ProductFilter): Promise<Page<Product>>;
}
