import type { Page, PageRequest } from './paging.ts';
import type { Role } from '../permissions.ts';

export const PERSON_STATUSES = ['invited', 'active', 'disabled'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** A user who signs in to the pages with an email and a password (API-token users are not people). */
export interface Person {
  id: number;
  /** Lower-case. */
  email: string;
  displayName: string;
  role: Role;
  status: PersonStatus;
  createdAt: string;
}

export interface NewPerson {
  email: string;
  displayName: string;
  role: Role;
  status: 'invited' | 'active';
  passwordHash: string | null;
}

/** People: their accounts, passwords and status. */
export interface PeopleStore {
  /** A taken email (in any letter case) is a conflict on `email`. */
  create(input: NewPerson): Promise<Person>;
  get(id: number): Promise<Person>;
  /** The person and the stored password hash, found case-insensitively; null when nobody has the email. */
  findByEmail(email: string): Promise<{ person: Person; passwordHash: string | null } | null>;
  /** In the order they were added, `limit` at a time. */
  list(page: PageRequest): Promise<Page<Person>>;
  /** Stores a new password hash and makes an invited person active. */
  setPassword(id: number, passwordHash: string): Promise<void>;
  setStatus(id: number, status: PersonStatus): Promise<void>;
}
