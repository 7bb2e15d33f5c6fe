-- Touchpoint scorecards: versioned templates, visits with their workflow trail and evidence.
CREATE TABLE templates (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  archived_at TEXT,
  created_at TEXT NOT NULL
);

-- A published version is immutable: editing a template publishes a new version.
CREATE TABLE template_versions (
  id INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES templates (id) ON DELETE RESTRICT,
  version INTEGER NOT NULL CHECK (version >= 1),
  title TEXT NOT NULL,
  touchpoint TEXT NOT NULL,
  -- the validated template document (JSON)
  document TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (template_id, version)
);
CREATE TRIGGER template_versions_immutable BEFORE UPDATE OF template_id, version, title, touchpoint, document, published_at
ON template_versions BEGIN
  SELECT RAISE(ABORT, 'a published template version is immutable');
END;

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  template_version_id INTEGER NOT NULL REFERENCES template_versions (id) ON DELETE RESTRICT,
  business_id INTEGER NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  location TEXT,
  auditor_id INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  scenario TEXT,
  due_date TEXT,
  state TEXT NOT NULL CHECK (state IN ('assigned', 'draft', 'submitted', 'in_review', 'returned', 'approved',
    'published', 'rejected', 'excluded', 'disputed', 'amended', 'upheld')),
  -- answers as saved so far: { "<questionKey>": value | "na" }
  answers TEXT NOT NULL DEFAULT '{}',
  -- when the visit took place (the auditor says; the submission time otherwise): the date reports use
  visited_at TEXT,
  -- the score stored on submit and on amend, with exactly the answers it was computed from
  score TEXT,
  scored_answers TEXT,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  published_at TEXT
);
CREATE INDEX visits_auditor ON visits (auditor_id, id);
CREATE INDEX visits_state ON visits (state, id);
CREATE INDEX visits_business ON visits (business_id, id);
CREATE INDEX visits_visited ON visits (visited_at);

-- The audit trail: every state change, who made it, when and why. from_state is NULL for the assignment.
CREATE TABLE visit_transitions (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  from_state TEXT,
  to_state TEXT NOT NULL,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  note TEXT,
  at TEXT NOT NULL
);
CREATE INDEX visit_transitions_visit ON visit_transitions (visit_id, id);

CREATE TABLE visit_evidence (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  question_key TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX visit_evidence_visit ON visit_evidence (visit_id, id);
