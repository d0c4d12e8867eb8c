import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrorItem } from '../../ui';
import { fieldErrorsOf } from '../../app/api';
import { errorMessage } from '../../app/errors';

/** A field's problem: an i18n key from our own checks, or the server's words (already in the reader's language). */
type FieldProblem = { key: string } | { text: string };

/**
 * The error state of an accounts form. Our own checks are kept as keys and translated at render time, so switching the
 * language while errors are shown switches them too; the server's field errors keep the language they came in.
 */
export function useFormErrors<Field extends string>(fieldIds: Record<Field, string>) {
  const { t, i18n } = useTranslation('accounts');
  const [problems, setProblems] = useState<Partial<Record<Field, FieldProblem>>>({});
  const [failure, setFailure] = useState<unknown>(null);

  const messages: Partial<Record<Field, string>> = {};
  for (const [field, problem] of Object.entries(problems) as [Field, FieldProblem][]) {
    messages[field] = 'key' in problem ? t(problem.key) : problem.text;
  }
  const summary: FormErrorItem[] = (Object.keys(fieldIds) as Field[])
    .filter((field) => messages[field])
    .map((field) => ({ fieldId: fieldIds[field], message: messages[field] ?? '' }));

  return {
    messages,
    summary,
    /** The request's failure as text in the current language, or null. */
    failureText: failure ? errorMessage(failure, i18n.language, t('app:errors.unexpected')) : null,
    /** Records the result of the client-side checks; true when the form may be sent. */
    check(keys: Partial<Record<Field, string | null>>): boolean {
      const found: Partial<Record<Field, FieldProblem>> = {};
      for (const [field, key] of Object.entries(keys) as [Field, string | null][])
        if (key) found[field] = { key };
      setProblems(found);
      setFailure(null);
      return Object.keys(found).length === 0;
    },
    /** Shows a failed request: its field errors beside the fields this form has, anything else above the form. */
    fail(error: unknown) {
      const fields = fieldErrorsOf(error, i18n.language);
      const known: Partial<Record<Field, FieldProblem>> = {};
      for (const [field, text] of Object.entries(fields)) {
        if (field in fieldIds) known[field as Field] = { text };
      }
      if (Object.keys(known).length > 0) setProblems(known);
      else setFailure(error);
    },
    clear() {
      setProblems({});
      setFailure(null);
    },
  };
}
