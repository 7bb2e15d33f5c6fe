import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a session id or an invite/reset link: 32 bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What is stored instead of a secret: its SHA-256, hex. A leaked table gives no usable session or link. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
