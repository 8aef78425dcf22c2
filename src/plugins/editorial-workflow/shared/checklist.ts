// The review checklist of one document locale (GET /editorial-workflow/checklist/:uid/:documentId).
// Generic: the app's provider for the content type says what the items are.

export interface ChecklistItem {
  /** Where the item lives, so the panel can write its verdict through the Content Manager. */
  uid: string;
  documentId: string;
  locale: string;
  text: string | null;
  speaker: string | null;
  source: { name: string; reliability: string | null } | null;
  saidAt: string | null;
  url: string | null;
  verification: string;
  verificationNote: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
}

export interface ChecklistWarning {
  /** Stable kind, e.g. `low-reliability`, `single-source`, `missing-url`, `missing-date`. */
  code: string;
  message: string;
  /** The item it is about, when it is about one. */
  documentId?: string;
}

export interface Checklist {
  items: ChecklistItem[];
  progress: { done: number; total: number };
  warnings: ChecklistWarning[];
  /** Whether the warnings stop approval (the app's setting). */
  blocking: boolean;
  /**
   * Whether the caller may give verdicts on the items: decided by the server from the caller's
   * permissions, so the panel offers verdict buttons only to those whose verdict would be saved.
   */
  canVerify: boolean;
}

export const VERDICTS = ['verified', 'disputed', 'misattributed', 'unverifiable', 'unverified'];
/** Verdicts the panel asks a note for. */
export const VERDICTS_NEEDING_NOTE = ['disputed', 'misattributed', 'unverifiable'];
