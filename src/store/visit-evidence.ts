export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export interface Evidence {
  id: number;
  visitId: number;
  question: string;
  contentType: EvidenceType;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface EvidenceUpload {
  question: string;
  contentType: EvidenceType;
  bytes: Buffer;
  uploadedBy: number;
}

/** Files attached to a visit's questions; the store notes each file's size and SHA-256. */
export interface VisitEvidenceStore {
  add(visitId: number, upload: EvidenceUpload): Promise<Evidence>;
  /** Not found when the visit has no such evidence. */
  get(visitId: number, id: number): Promise<Evidence>;
  /** The visit's evidence, oldest first. */
  list(visitId: number): Promise<Evidence[]>;
  /** The stored file with its metadata. */
  download(visitId: number, id: number): Promise<{ evidence: Evidence; bytes: Buffer }>;
}
