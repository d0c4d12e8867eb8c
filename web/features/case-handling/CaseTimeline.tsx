import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlerCase } from '../../../shared/contracts/case-handling';
import { ApiError } from '../../app/api';
import { formatDateTime, isoDateTime } from '../../app/format';
import { Alert, Button, Card, RadioGroup, Tag, TextArea } from '../../ui';
import { TemplatePicker } from './TemplatePicker';
import { useCaseWrite } from './queries';

type Entry = HandlerCase['entries'][number];

/**
 * The whole history as handlers see it. Internal entries (notes, extensions, moderation) are told apart from what
 * the resident sees in three ways: the word "Nội bộ" / "Công khai" on each, a dashed edge and a different ground.
 */
export function CaseTimeline({ caseView }: { caseView: HandlerCase }) {
  const { t } = useTranslation('case-handling');
  const entryTitle = (entry: Entry) =>
    entry.kind === 'transition' && entry.action && entry.toState
      ? t('timeline.transition', { action: t(`action.${entry.action}`), state: t(`state.${entry.toState}`) })
      : t(`timeline.kinds.${entry.kind}`);
  return (
    <Card title={t('timeline.title')} aria-label={t('timeline.title')}>
      {caseView.entries.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="case-timeline">
          {caseView.entries.map((entry) => (
            <li key={entry.id} className={entry.public ? 'case-entry' : 'case-entry case-entry--internal'}>
              <div className="case-entry__head">
                <Tag tone={entry.public ? 'info' : 'warning'}>
                  {entry.public ? t('timeline.public') : t('timeline.internal')}
                </Tag>
                <strong>{entryTitle(entry)}</strong>
                <time dateTime={isoDateTime(entry.at)}>{formatDateTime(entry.at)}</time>
                {entry.authorName && (
                  <span className="muted">{t('timeline.by', { name: entry.authorName })}</span>
                )}
                {entry.agencyName && <span className="muted">{entry.agencyName}</span>}
                {entry.hidden && <Tag tone="neutral">{t('timeline.hiddenEntry')}</Tag>}
              </div>
              {!entry.public && <span className="visually-hidden">{t('timeline.internalHint')}</span>}
              {entry.body && <p className="case-text">{entry.body}</p>}
              {entry.photos.length > 0 && (
                <ul className="case-photos">
                  {entry.photos.map((photo, index) => (
                    <li key={photo.id}>
                      <a href={photo.url}>
                        <img
                          src={photo.thumbUrl}
                          alt={t('case.photoAlt', { n: index + 1, code: caseView.code })}
                          width={photo.width}
                          height={photo.height}
                          loading="lazy"
                        />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** An internal note or a public update; the choice is asked every time, never remembered, so nothing leaks by habit. */
export function NoteForm({ caseView }: { caseView: HandlerCase }) {
  const { t, i18n } = useTranslation('case-handling');
  const mayNote = caseView.can.includes('note');
  const mayPublish = caseView.can.includes('publicUpdate');
  const write = useCaseWrite<{ body: string; public: boolean }>(caseView.id, 'notes');
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'internal' | 'public' | null>(
    mayNote && !mayPublish ? 'internal' : null,
  );
  const [errors, setErrors] = useState<{ body?: string; visibility?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const formId = useId();
  if (!mayNote && !mayPublish) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!body.trim()) next.body = t('common.required');
    if (!visibility) next.visibility = t('common.required');
    setErrors(next);
    setDone(null);
    if (next.body || next.visibility) return;
    try {
      await write.mutateAsync({ body: body.trim(), public: visibility === 'public' });
      setDone(visibility === 'public' ? t('note.savedPublic') : t('note.savedInternal'));
      setBody('');
      setVisibility(mayNote && !mayPublish ? 'internal' : null);
    } catch {
      // write.error is shown below.
    }
  }

  const options = [
    ...(mayNote ? [{ value: 'internal', label: t('note.internal'), hint: t('note.internalHint') }] : []),
    ...(mayPublish ? [{ value: 'public', label: t('note.public'), hint: t('note.publicHint') }] : []),
  ];
  return (
    <Card title={t('note.title')} aria-label={t('note.title')}>
      <form id={formId} onSubmit={submit} noValidate className="stack">
        <RadioGroup
          legend={t('note.visibility')}
          name={`${formId}-visibility`}
          value={visibility}
          options={options}
          error={errors.visibility}
          onChange={(value) => setVisibility(value as 'internal' | 'public')}
        />
        {visibility === 'public' && <TemplatePicker purpose="public_update" onPick={setBody} />}
        <TextArea
          label={t('note.body')}
          value={body}
          rows={3}
          maxLength={4000}
          error={errors.body}
          onChange={(e) => setBody(e.target.value)}
        />
        <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
        {write.error && (
          <Alert tone="error">
            {write.error instanceof ApiError ? write.error.messageIn(i18n.language) : String(write.error)}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={write.isPending}>
            {t('note.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
