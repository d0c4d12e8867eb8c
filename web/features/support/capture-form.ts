import { uuidv7 } from '../../../shared/ids';
import { findPersonalData, type PersonalDataKind } from '../../../shared/privacy/pii-detect';
import type { AgeBand, Gender, Outcome } from '../../../shared/contracts/support';
import type { SupportRecordBody } from '../../offline/support-record-types';

export type { AgeBand, Gender, Outcome, PersonalDataKind };

export const OUTCOMES: readonly Outcome[] = ['done', 'partly', 'follow_up'];
export const AGE_BANDS: readonly AgeBand[] = ['under_18', '18_39', '40_59', '60_plus'];
export const GENDERS: readonly Gender[] = ['female', 'male', 'other', 'unknown'];

/** A team the member captures for, with the hamlets a record of theirs may name (the team's commune). */
export interface TeamPlace {
  teamId: string;
  teamName: string;
  /** The team's own hamlet; null for a commune-level team. */
  hamletId: string | null;
  communeCode: string | null;
  hamlets: { id: string; name: string }[];
}

/** What the member chose last time, remembered on the device per account. */
export interface CaptureChoices {
  teamId: string | null;
  hamletByTeam: Record<string, string>;
  services: string[];
}

export const EMPTY_CHOICES: CaptureChoices = { teamId: null, hamletByTeam: {}, services: [] };

export interface CaptureDraft {
  teamId: string;
  hamletId: string;
  /** Empty means "now": the moment the member presses save. Otherwise a datetime-local value in device time. */
  occurredAtLocal: string;
  services: string[];
  outcome: Outcome;
  ageBand: AgeBand | null;
  gender: Gender | null;
  consent: boolean;
  durationMinutes: string;
  note: string;
  /**
   * The kinds of personal data the member chose to keep in the note after the warning. Only this device's form
   * reads it (the record never carries it): the check is a warning, not a refusal, so the server is unchanged.
   */
  noteKindsConfirmed: PersonalDataKind[];
  location: { lat: number; lng: number; accuracy: number | null } | null;
  /** The help request this record completes (issue 11), when the form was opened from one. */
  helpRequestId: string | null;
}

/**
 * Defaults that make a typical record a few taps: the last team used (or the first), the hamlet last used for
 * that team (or the team's own), the services used last time that are still offered, outcome "done", now.
 * Age band, gender and consent are never pre-filled: they describe this citizen, not the previous one.
 */
export function chooseDefaults(
  teams: readonly TeamPlace[],
  choices: CaptureChoices,
  activeServiceCodes: readonly string[],
): CaptureDraft {
  const team = teams.find((t) => t.teamId === choices.teamId) ?? teams[0];
  const offered = new Set(activeServiceCodes);
  return {
    teamId: team?.teamId ?? '',
    hamletId: team ? defaultHamletFor(team, choices) : '',
    occurredAtLocal: '',
    services: choices.services.filter((code) => offered.has(code)),
    outcome: 'done',
    ageBand: null,
    gender: null,
    consent: false,
    durationMinutes: '',
    note: '',
    noteKindsConfirmed: [],
    location: null,
    helpRequestId: null,
  };
}

/**
 * The first draft of a record started from a help request: the request's team (when the member is in it), its
 * hamlet (when the team may name it) and its service (when still offered), and the request's id.
 */
export function prefillDraft(
  base: CaptureDraft,
  teams: readonly TeamPlace[],
  prefill: {
    helpRequestId: string;
    teamId: string | null;
    hamletId: string | null;
    serviceCode: string | null;
  },
  activeServiceCodes: readonly string[],
): CaptureDraft {
  const team = teams.find((t) => t.teamId === prefill.teamId);
  const draft: CaptureDraft = { ...base, helpRequestId: prefill.helpRequestId };
  if (team) {
    draft.teamId = team.teamId;
    draft.hamletId =
      prefill.hamletId && team.hamlets.some((h) => h.id === prefill.hamletId)
        ? prefill.hamletId
        : (team.hamletId ?? team.hamlets[0]?.id ?? '');
  }
  if (prefill.serviceCode && activeServiceCodes.includes(prefill.serviceCode)) {
    draft.services = [prefill.serviceCode];
  }
  return draft;
}

export function defaultHamletFor(team: TeamPlace, choices: CaptureChoices): string {
  const remembered = choices.hamletByTeam[team.teamId];
  if (remembered && team.hamlets.some((h) => h.id === remembered)) return remembered;
  return team.hamletId ?? team.hamlets[0]?.id ?? '';
}

export type DraftProblem =
  | 'team'
  | 'hamlet'
  | 'services'
  | 'ageBand'
  | 'gender'
  | 'durationMinutes'
  | 'note'
  | 'notePersonalData'
  | 'occurredAt';

/** Mirrors MAX_NOTE_LENGTH and the duration bound of the contract without importing its Zod schemas. */
export const NOTE_MAX = 1000;
export const DURATION_MAX = 600;

/** Checks what the device can check; the server re-validates everything and answers per field. */
export function findDraftProblems(draft: CaptureDraft, now: Date): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.teamId) problems.push('team');
  if (!draft.hamletId) problems.push('hamlet');
  if (draft.services.length === 0) problems.push('services');
  if (!draft.ageBand) problems.push('ageBand');
  if (!draft.gender) problems.push('gender');
  if (draft.durationMinutes.trim() !== '') {
    const minutes = Number(draft.durationMinutes);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > DURATION_MAX) problems.push('durationMinutes');
  }
  if (draft.note.length > NOTE_MAX) problems.push('note');
  if (unconfirmedNoteData(draft).length > 0) problems.push('notePersonalData');
  if (draft.occurredAtLocal) {
    const at = parseLocalDateTime(draft.occurredAtLocal);
    if (!at || at.getTime() > now.getTime() + 10 * 60_000) problems.push('occurredAt');
  }
  return problems;
}

/** What in the note looks like a phone number, a citizen ID or an e-mail address (shared/privacy/pii-detect.ts). */
export function personalDataInNote(draft: Pick<CaptureDraft, 'note'>): PersonalDataKind[] {
  return findPersonalData(draft.note);
}

/** Kinds found in the note that the member has not yet confirmed keeping: each one blocks the save until confirmed. */
export function unconfirmedNoteData(
  draft: Pick<CaptureDraft, 'note' | 'noteKindsConfirmed'>,
): PersonalDataKind[] {
  return personalDataInNote(draft).filter((kind) => !draft.noteKindsConfirmed.includes(kind));
}

/**
 * The patch for a new note text. A confirmation lasts only while its kind is still in the note: a phone number
 * deleted and typed again, or an ID number added after a phone was confirmed, is warned about afresh.
 */
export function withNote(
  draft: Pick<CaptureDraft, 'noteKindsConfirmed'>,
  note: string,
): Pick<CaptureDraft, 'note' | 'noteKindsConfirmed'> {
  const found = findPersonalData(note);
  return { note, noteKindsConfirmed: draft.noteKindsConfirmed.filter((kind) => found.includes(kind)) };
}

/** Parses an `<input type="datetime-local">` value as device-local time. */
export function parseLocalDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `<input type="datetime-local">` value for a moment, in device-local time. */
export function toLocalDateTimeValue(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** ISO 8601 with the device's UTC offset (interfaces.md asks for an offset, not necessarily Z). */
export function toIsoWithOffset(at: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** A draft that passed findDraftProblems: the person's age band and gender are chosen. */
export type CheckedDraft = CaptureDraft & { ageBand: AgeBand; gender: Gender };

export function isChecked(draft: CaptureDraft, now: Date): draft is CheckedDraft {
  return findDraftProblems(draft, now).length === 0;
}

/** Turns a checked draft into the wire record with a fresh device-made uuidv7 id. */
export function buildSupportRecord(draft: CheckedDraft, now: Date): SupportRecordBody {
  const occurredAt = draft.occurredAtLocal ? (parseLocalDateTime(draft.occurredAtLocal) ?? now) : now;
  const record: SupportRecordBody = {
    id: uuidv7(now.getTime()),
    teamId: draft.teamId,
    hamletId: draft.hamletId,
    occurredAt: toIsoWithOffset(occurredAt),
    services: [...draft.services],
    outcome: draft.outcome,
    person: { ageBand: draft.ageBand, gender: draft.gender },
    consent: draft.consent,
  };
  if (draft.durationMinutes.trim() !== '') record.durationMinutes = Number(draft.durationMinutes);
  const note = draft.note.trim();
  if (note) record.note = note;
  if (draft.location) record.location = draft.location;
  if (draft.helpRequestId) record.helpRequestId = draft.helpRequestId;
  return record;
}

/** Remembers this record's team, hamlet and services as the next defaults. */
export function rememberChoices(previous: CaptureChoices, record: SupportRecordBody): CaptureChoices {
  return {
    teamId: record.teamId,
    hamletByTeam: { ...previous.hamletByTeam, [record.teamId]: record.hamletId },
    services: [...record.services],
  };
}

/** Draft for "edit and resend" of a refused record: same content, the id is made anew on save. */
export function draftFromRecord(record: SupportRecordBody): CaptureDraft {
  return {
    teamId: record.teamId,
    hamletId: record.hamletId,
    occurredAtLocal: toLocalDateTimeValue(new Date(record.occurredAt)),
    services: [...record.services],
    outcome: record.outcome,
    ageBand: record.person.ageBand,
    gender: record.person.gender,
    consent: record.consent,
    durationMinutes: record.durationMinutes == null ? '' : String(record.durationMinutes),
    note: record.note ?? '',
    // A refused record being fixed is a new save: the member confirms anything personal in its note again.
    noteKindsConfirmed: [],
    location: record.location
      ? { lat: record.location.lat, lng: record.location.lng, accuracy: record.location.accuracy ?? null }
      : null,
    helpRequestId: record.helpRequestId ?? null,
  };
}
