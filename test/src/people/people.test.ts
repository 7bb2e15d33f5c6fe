import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInLimiter } from '../../../src/auth/sign-in-limiter.ts';
import { createPerson, disablePerson } from '../../../src/people/manage-people.ts';
import { invitePerson, issuePasswordLink, openLink, redeemLink } from '../../../src/people/password-links.ts';
import { LINK_TTL_MS, SESSION_IDLE_MS, SESSION_MAX_MS } from '../../../src/people/people-policy.ts';
import { endSession, sessionPerson, startSession } from '../../../src/people/sessions.ts';
import { signIn } from '../../../src/people/sign-in.ts';
import type { StoreHandle } from '../../../src/store/store.ts';
import { sqliteStoreFactory } from '../../helpers/store-factory.ts';

const PASSWORD = 'correct horse battery staple';
let store: StoreHandle;
beforeEach(async () => {
  store = await sqliteStoreFactory();
});
afterEach(async () => {
  await store.close();
});

describe('sign-in', () => {
  it('starts a session for the right password; unknown email, wrong password and a disabled person get the same answer', async () => {
    const limiter = new SignInLimiter({ perAccount: 10, perAddress: 10, windowMs: 60_000 });
    const ada = await createPerson(store, { email: 'Ada@Example.com', role: 'marketer', password: PASSWORD, displayName: 'Ada' });
    const ok = await signIn(store, limiter, { email: ' ada@example.com', password: PASSWORD, address: '10.0.0.1' });
    expect(ok).toMatchObject({ ok: true, person: { id: ada.id, displayName: 'Ada' } });
    const sessionId = (ok as { sessionId: string }).sessionId;
    expect((await sessionPerson(store, sessionId))?.id).toBe(ada.id);

    const wrong = await signIn(store, limiter, { email: 'ada@example.com', password: 'wrong', address: '10.0.0.1' });
    const unknown = await signIn(store, limiter, { email: 'nobody@example.com', password: PASSWORD, address: '10.0.0.1' });
    await disablePerson(store, ada.id);
    const disabled = await signIn(store, limiter, { email: 'ada@example.com', password: PASSWORD, address: '10.0.0.1' });
    const refused = { ok: false, retryAfterSeconds: 0 };
    expect([wrong, unknown, disabled]).toEqual([refused, refused, refused]);
    expect(await sessionPerson(store, sessionId)).toBeNull();
  });

  it('stops checking once an account has too many failures, whether it exists or not', async () => {
    const limiter = new SignInLimiter({ perAccount: 2, perAddress: 3, windowMs: 60_000 });
    for (const address of ['10.0.0.1', '10.0.0.1']) await signIn(store, limiter, { email: 'nobody@example.com', password: 'x', address });
    const limited = await signIn(store, limiter, { email: 'nobody@example.com', password: 'x', address: '10.0.0.2' });
    expect(limited.ok).toBe(false);
    expect((limited as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('sessions', () => {
  it('end after the idle time without use and after the absolute time in any case; a use moves the idle expiry on', async () => {
    const ada = await createPerson(store, { email: 'ada@x.test', role: 'viewer', password: PASSWORD });
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    const idle = await startSession(store, ada.id, t0);
    expect(await sessionPerson(store, idle, t0 + SESSION_IDLE_MS)).toBeNull();

    const used = await startSession(store, ada.id, t0);
    for (let t = t0; t < t0 + SESSION_MAX_MS; t += SESSION_IDLE_MS / 2) expect(await sessionPerson(store, used, t)).not.toBeNull();
    expect(await sessionPerson(store, used, t0 + SESSION_MAX_MS)).toBeNull();
  });

  it('gives a new id each time and ends on sign-out', async () => {
    const ada = await createPerson(store, { email: 'ada@x.test', role: 'viewer', password: PASSWORD });
    const [a, b] = [await startSession(store, ada.id), await startSession(store, ada.id)];
    expect(a).not.toBe(b);
    await endSession(store, a);
    expect(await sessionPerson(store, a)).toBeNull();
    expect(await sessionPerson(store, b)).not.toBeNull();
  });
});

describe('invite and reset links', () => {
  it('an invite link sets the password once, activates the person, and expires after 72 hours', async () => {
    const { person, token } = await invitePerson(store, { email: 'New@X.test', role: 'auditor' });
    expect(person).toMatchObject({ email: 'new@x.test', displayName: 'new@x.test', status: 'invited' });
    expect((await openLink(store, token))?.link.purpose).toBe('invite');
    expect(await openLink(store, token, Date.now() + LINK_TTL_MS + 1000)).toBeNull();
    expect(await openLink(store, `${token}x`)).toBeNull();

    expect(await redeemLink(store, token, PASSWORD)).toMatchObject({ id: person.id, status: 'active' });
    expect(await openLink(store, token)).toBeNull();
    expect(await redeemLink(store, token, 'another password here')).toBeNull();
    expect((await signIn(store, new SignInLimiter(), { email: 'new@x.test', password: PASSWORD, address: 'a' })).ok).toBe(true);
  });

  it('a reset link ends the sessions the person had; a disabled person’s links stop working', async () => {
    const ada = await createPerson(store, { email: 'ada@x.test', role: 'viewer', password: PASSWORD });
    const session = await startSession(store, ada.id);
    const reset = await issuePasswordLink(store, ada.id);
    expect((await openLink(store, reset))?.link.purpose).toBe('reset');
    await redeemLink(store, reset, 'a brand new password');
    expect(await sessionPerson(store, session)).toBeNull();

    const later = await issuePasswordLink(store, ada.id);
    await disablePerson(store, ada.id);
    expect(await openLink(store, later)).toBeNull();
  });
});
