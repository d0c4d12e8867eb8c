import { ServiceCodeSchema, SKILLS, type Skill } from '../../../shared/contracts/services';

export interface ServiceDraft {
  code: string;
  name: string;
  nameEn: string;
  skill: Skill | '';
}

export type DraftErrors = Partial<Record<keyof ServiceDraft, string>>;

export const EMPTY_DRAFT: ServiceDraft = { code: '', name: '', nameEn: '', skill: '' };

function isName(value: string): boolean {
  const length = value.trim().length;
  return length >= 2 && length <= 160;
}

/** Checks a draft the way the server will, so most mistakes are caught before a round trip. Keys are i18n keys. */
export function findDraftErrors(draft: ServiceDraft, withCode: boolean): DraftErrors {
  const errors: DraftErrors = {};
  if (withCode && !ServiceCodeSchema.safeParse(draft.code).success) errors.code = 'form.codeInvalid';
  if (!isName(draft.name)) errors.name = 'form.nameRequired';
  if (!isName(draft.nameEn)) errors.nameEn = 'form.nameRequired';
  if (!SKILLS.includes(draft.skill as Skill)) errors.skill = 'form.skillRequired';
  return errors;
}
