import {
  BREACH_DATA_CATEGORIES,
  type Breach,
  type BreachDataCategory,
  type CreateBreachBody,
  type UpdateBreachBody,
} from '../../../shared/contracts/privacy';
import { VIETNAM_OFFSET_MS } from '../../../shared/time/vietnam-time';

/**
 * The breach forms' rules, without React: Vietnam-time inputs ↔ ISO instants, the checks the server will make (so
 * mistakes show before sending), and the bodies sent. Error keys belong to the "privacy" namespace.
 */

/** Where a breach is notified unless the official writes otherwise (the server's own default). */
export const DEFAULT_NOTIFIED_TO =
  'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)';

/** The server tolerates a device clock a few minutes ahead; so do the forms. */
const CLOCK_SKEW_MS = 5 * 60_000;
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An instant as an `<input type="datetime-local">` value on Vietnam time: "2026-12-04T08:30". */
export function localInputOf(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return Number.isNaN(ms) ? '' : new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * A `datetime-local` value read as Vietnam time → ISO 8601 with its offset ("2026-12-04T08:30:00+07:00"), whatever
 * the device's own zone; null when it is not a real date and time (31/02 included).
 */
export function isoOfLocalInput(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`;
  return localInputOf(iso) === `${y}-${mo}-${d}T${h}:${mi}` ? iso : null;
}

/** An error: an i18n key, and the limit when the key needs one. */
export interface Problem {
  key: string;
  max?: number;
}

export interface BreachDraft {
  title: string;
  discoveredAt: string;
  occurredAt: string;
  description: string;
  dataCategories: BreachDataCategory[];
  subjects: string;
  subjectsCount: string;
  consequences: string;
  measures: string;
  contact: string;
}
export type BreachField = keyof BreachDraft;
export type BreachErrors = Partial<Record<BreachField, Problem>>;

export const EMPTY_BREACH: BreachDraft = {
  title: '',
  discoveredAt: '',
  occurredAt: '',
  description: '',
  dataCategories: [],
  subjects: '',
  subjectsCount: '',
  consequences: '',
  measures: '',
  contact: '',
};

/** The limits of each text, as the shared contract sets them. */
export const TEXT_LIMITS = {
  title: 200,
  description: 4000,
  subjects: 1000,
  consequences: 4000,
  measures: 4000,
  contact: 300,
} as const;
const REQUIRED_TEXTS = ['title', 'description', 'subjects', 'contact'] as const;
const OPTIONAL_TEXTS = ['consequences', 'measures'] as const;

function textProblem(value: string, max: number, required: boolean): Problem | undefined {
  const length = value.trim().length;
  if (length === 0) return required ? { key: 'form.errors.text' } : undefined;
  if (length < 3) return { key: 'form.errors.text' };
  if (length > max) return { key: 'form.errors.tooLong', max };
  return undefined;
}

function instantProblem(value: string, now: number, required: boolean): Problem | undefined {
  if (!value.trim()) return required ? { key: 'form.errors.dateTime' } : undefined;
  const iso = isoOfLocalInput(value);
  if (!iso) return { key: 'form.errors.dateTime' };
  if (Date.parse(iso) > now + CLOCK_SKEW_MS) return { key: 'form.errors.future' };
  return undefined;
}

/**
 * Everything wrong with a draft. Editing a recorded breach leaves its discovery time alone (it starts the clock), so
 * pass that breach's `discoveredAt` and the draft's is not checked.
 */
export function findBreachErrors(draft: BreachDraft, now: number, recordedDiscovery?: string): BreachErrors {
  const errors: BreachErrors = {};
  for (const field of REQUIRED_TEXTS) {
    const problem = textProblem(draft[field], TEXT_LIMITS[field], true);
    if (problem) errors[field] = problem;
  }
  for (const field of OPTIONAL_TEXTS) {
    const problem = textProblem(draft[field], TEXT_LIMITS[field], false);
    if (problem) errors[field] = problem;
  }
  if (recordedDiscovery === undefined) {
    const problem = instantProblem(draft.discoveredAt, now, true);
    if (problem) errors.discoveredAt = problem;
  }
  const occurred = instantProblem(draft.occurredAt, now, false);
  if (occurred) errors.occurredAt = occurred;
  const discovery = recordedDiscovery ?? isoOfLocalInput(draft.discoveredAt);
  const occurredAt = isoOfLocalInput(draft.occurredAt);
  if (!errors.occurredAt && discovery && occurredAt && Date.parse(occurredAt) > Date.parse(discovery)) {
    errors.occurredAt = { key: 'form.errors.occurredAfter' };
  }
  if (draft.dataCategories.length === 0) errors.dataCategories = { key: 'form.errors.categories' };
  const count = draft.subjectsCount.trim();
  if (count && (!/^\d+$/.test(count) || Number(count) > 100_000_000)) {
    errors.subjectsCount = { key: 'form.errors.count' };
  }
  return errors;
}

/** The categories in the contract's order, each once. */
function orderedCategories(chosen: readonly BreachDataCategory[]): BreachDataCategory[] {
  return BREACH_DATA_CATEGORIES.filter((c) => chosen.includes(c));
}

const optionalText = (value: string) => (value.trim() ? value.trim() : null);
const optionalCount = (value: string) => (value.trim() ? Number(value.trim()) : null);

/** The body of POST /privacy/breaches from a checked draft. */
export function createBodyOf(draft: BreachDraft, provinceCode: string): CreateBreachBody {
  return {
    provinceCode,
    discoveredAt: isoOfLocalInput(draft.discoveredAt)!,
    occurredAt: isoOfLocalInput(draft.occurredAt),
    title: draft.title.trim(),
    description: draft.description.trim(),
    dataCategories: orderedCategories(draft.dataCategories),
    subjects: draft.subjects.trim(),
    subjectsCount: optionalCount(draft.subjectsCount),
    consequences: optionalText(draft.consequences),
    measures: optionalText(draft.measures),
    contact: draft.contact.trim(),
  };
}

/** A recorded breach as a draft, to complete it. */
export function draftOf(breach: Breach): BreachDraft {
  return {
    title: breach.title,
    discoveredAt: localInputOf(breach.discoveredAt),
    occurredAt: breach.occurredAt ? localInputOf(breach.occurredAt) : '',
    description: breach.description,
    dataCategories: [...breach.dataCategories],
    subjects: breach.subjects,
    subjectsCount: breach.subjectsCount === null ? '' : String(breach.subjectsCount),
    consequences: breach.consequences ?? '',
    measures: breach.measures ?? '',
    contact: breach.contact,
  };
}

/** The PATCH body with only what changed (empty when nothing did). */
export function updateBodyOf(draft: BreachDraft, breach: Breach): UpdateBreachBody {
  const body: UpdateBreachBody = {};
  const occurredAt = isoOfLocalInput(draft.occurredAt);
  const before = breach.occurredAt ? Date.parse(breach.occurredAt) : null;
  if ((occurredAt ? Date.parse(occurredAt) : null) !== before) body.occurredAt = occurredAt;
  for (const field of REQUIRED_TEXTS) {
    if (draft[field].trim() !== breach[field]) body[field] = draft[field].trim();
  }
  for (const field of OPTIONAL_TEXTS) {
    if (optionalText(draft[field]) !== breach[field]) body[field] = optionalText(draft[field]);
  }
  if (optionalCount(draft.subjectsCount) !== breach.subjectsCount) {
    body.subjectsCount = optionalCount(draft.subjectsCount);
  }
  const categories = orderedCategories(draft.dataCategories);
  if (categories.join() !== orderedCategories(breach.dataCategories).join()) body.dataCategories = categories;
  return body;
}

export interface NotifyDraft {
  notifiedAt: string;
  notifiedTo: string;
  reference: string;
  lateReason: string;
}
export type NotifyErrors = Partial<Record<keyof NotifyDraft, Problem>>;

export function emptyNotifyDraft(now: Date): NotifyDraft {
  return { notifiedAt: localInputOf(now), notifiedTo: DEFAULT_NOTIFIED_TO, reference: '', lateReason: '' };
}

/** True when the notification time given is after the 72-hour deadline: the reason for the delay is then due. */
export function isLate(draft: NotifyDraft, breach: Breach): boolean {
  const at = isoOfLocalInput(draft.notifiedAt);
  return at !== null && Date.parse(at) > Date.parse(breach.notifyBy);
}

export function findNotifyErrors(draft: NotifyDraft, breach: Breach, now: number): NotifyErrors {
  const errors: NotifyErrors = {};
  const at = instantProblem(draft.notifiedAt, now, true);
  if (at) errors.notifiedAt = at;
  else if (Date.parse(isoOfLocalInput(draft.notifiedAt)!) < Date.parse(breach.discoveredAt)) {
    errors.notifiedAt = { key: 'notify.errors.beforeDiscovery' };
  }
  const to = textProblem(draft.notifiedTo, 300, true);
  if (to) errors.notifiedTo = to;
  const reference = textProblem(draft.reference, 200, false);
  if (reference) errors.reference = reference;
  if (isLate(draft, breach)) {
    const reason = textProblem(draft.lateReason, 2000, true);
    if (reason)
      errors.lateReason = reason.key === 'form.errors.text' ? { key: 'notify.errors.lateReason' } : reason;
  }
  return errors;
}

/** The PATCH body that records the notification; a reason for delay is sent only when the notification was late. */
export function notifyBodyOf(draft: NotifyDraft, breach: Breach): UpdateBreachBody {
  return {
    notification: {
      notifiedAt: isoOfLocalInput(draft.notifiedAt)!,
      notifiedTo: draft.notifiedTo.trim(),
      reference: optionalText(draft.reference),
      ...(isLate(draft, breach) ? { lateReason: draft.lateReason.trim() } : {}),
    },
  };
}
