/**
 * The shape of the register of processing purposes (register.ts). Kept apart so the purpose files and the register
 * import it without importing each other.
 */

/** Every sentence of the register exists in Vietnamese (shown first) and English. */
export interface LocalizedText {
  vi: string;
  en: string;
}

export const PURPOSE_IDS = [
  'accounts',
  'team_membership',
  'support_records',
  'help_requests',
  'reports',
  'questions',
  'quizzes',
  'notifications',
] as const;
export type PurposeId = (typeof PURPOSE_IDS)[number];

/** How a person gives or withdraws consent: to a member in person, in a phone call, or themselves on the web. */
export const CONSENT_CHANNELS = ['in_person', 'phone_call', 'web'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * The grounds Law 91/2025 allows for processing, as this register uses them: the data subject's consent, an
 * agreement with them, an obligation the law places on the controller, or a task a state body carries out under law.
 */
export const LEGAL_BASIS_KINDS = ['consent', 'contract', 'legal_obligation', 'public_task'] as const;
export type LegalBasisKind = (typeof LEGAL_BASIS_KINDS)[number];

export interface LegalBasis<K extends LegalBasisKind = LegalBasisKind> {
  kind: K;
  /** Why this basis holds for this purpose, in plain words; names the legal text when there is one. */
  explanation: LocalizedText;
}

/**
 * A consent text exactly as shown or read to the person. `version` is the date it was worded (YYYY-MM-DD); a consent
 * record stores the purpose and this version, so changing a word means a new version, never an edit in place.
 */
export interface ConsentText {
  version: string;
  text: LocalizedText;
}

export const RETENTION_UNITS = ['days', 'months'] as const;
export type RetentionUnit = (typeof RETENTION_UNITS)[number];

/**
 * How long the personal data of a purpose is kept, for the retention job (`amount` `unit` after the event `text`
 * names) and for people (`text`, which states the same number).
 */
export interface Retention {
  amount: number;
  unit: RetentionUnit;
  text: LocalizedText;
}

interface PurposeFields {
  id: PurposeId;
  name: LocalizedText;
  /** What the data is used for, in one or two sentences. */
  description: LocalizedText;
  /** `planned`: the module is not built yet; declared now so the privacy page already tells the whole story. */
  status: 'in_use' | 'planned';
  /** The personal data collected, one item per kind of data. */
  data: LocalizedText[];
  /** Who sees or receives the data, including what is made public. */
  recipients: LocalizedText[];
  retention: Retention;
  /** What happens when consent is withdrawn, or, for other bases, when the person objects or leaves. */
  withdrawal: LocalizedText;
}

/**
 * One purpose of processing. Consent as the basis requires a consent text; another basis may still carry one for
 * an optional use within the purpose (a member's phone in the public team directory).
 */
export type ProcessingPurpose =
  | (PurposeFields & { basis: LegalBasis<'consent'>; consent: ConsentText })
  | (PurposeFields & { basis: LegalBasis<Exclude<LegalBasisKind, 'consent'>>; consent?: ConsentText });
