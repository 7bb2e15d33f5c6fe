export const LINK_PURPOSES = ['invite', 'reset'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** A single-use link to set a password. Only the SHA-256 of its token is kept. */
export interface UserLink {
  id: number;
  userId: number;
  purpose: LinkPurpose;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface UserLinkStore {
  create(link: { hash: string; userId: number; purpose: LinkPurpose; createdAt: string; expiresAt: string }): Promise<UserLink>;
  findByHash(hash: string): Promise<UserLink | null>;
  /** Marks the link used at `usedAt`; false when it had been used already (of two redeems, one wins). */
  markUsed(id: number, usedAt: string): Promise<boolean>;
}
