-- People who sign in to the pages, beside the API-token users (those have no email and no password).
-- A person's `name` is their email; emails are stored lower-case.
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN display_name TEXT;
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'disabled'));
-- scrypt$N$r$p$salt$hash (src/auth/password-hash.ts); null until the person sets one
ALTER TABLE users ADD COLUMN password_hash TEXT;
CREATE UNIQUE INDEX users_email ON users (email);

-- Signed-in browsers. Only the SHA-256 of the session id (the cookie) is kept.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  -- the session ends at the earlier of the two: idle expiry moves on with use, the absolute one never
  idle_expires_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Single-use links to set a password: an invite or a reset. Only the SHA-256 of the link's token is kept.
CREATE TABLE user_links (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX user_links_user ON user_links (user_id);
