import { scryptSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../../src/auth/password-hash.ts';
import { hashSecret, newSecret } from '../../../src/auth/secret-token.ts';

describe('password hashing', () => {
  let first: string;
  beforeAll(async () => {
    first = await hashPassword('correct horse battery');
  });

  it('stores scrypt with its parameters and a fresh salt, and verifies only the right password', async () => {
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batter', first)).toBe(false);
  });

  it('verifies a hash made with other parameters, read from the hash itself', async () => {
    const salt = first.split('$')[4]!;
    const key = scryptSync('pässword'.normalize('NFC'), Buffer.from(salt!, 'base64url'), 32, { N: 1024, r: 4, p: 1 });
    const cheaper = `scrypt$1024$4$1$${salt}$${key.toString('base64url')}`;
    expect(await verifyPassword('pässword', cheaper)).toBe(true);
    expect(await verifyPassword('pässword'.normalize('NFD'), cheaper)).toBe(true);
  });

  it('refuses malformed hashes and absurd parameters instead of throwing or running long', async () => {
    const parts = first.split('$');
    const bad = ['', 'plain', 'bcrypt$1$2$3$4$5', first.replace('32768', '1000'), first.replace('32768', String(2 ** 30)), [...parts.slice(0, 5), 'short'].join('$')];
    for (const stored of bad) expect(await verifyPassword('correct horse battery', stored)).toBe(false);
  });

  it('has one dummy hash for unknown accounts that no password matches', async () => {
    expect(await dummyPasswordHash()).toBe(await dummyPasswordHash());
    expect(await verifyPassword('', await dummyPasswordHash())).toBe(false);
  });
});

describe('secret tokens', () => {
  it('are 256 random bits; only a SHA-256 is stored', () => {
    const a = newSecret();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(newSecret()).not.toBe(a);
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(a)).toBe(hashSecret(a));
  });
});
