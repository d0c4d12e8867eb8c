import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandlerCase } from '../../../shared/contracts/case-handling';
import { ApiError } from '../../app/api';
import { Alert, Button, Card, Dialog, TextArea, TextField } from '../../ui';
import { blockBody } from './action-forms';
import { useCaseWrite } from './queries';

interface ModerationBody {
  publicDescription?: string;
  title?: string;
  hidden?: boolean;
  hiddenReason?: string;
  hidePhotoIds?: string[];
  showPhotoIds?: string[];
  hideEntryIds?: string[];
}

/**
 * Moderation, for those whose `can` includes it: edit personal data out of the public title and text (the original
 * stays for handlers), hide or show photos and public entries, hide the whole case, block an abusive sender.
 */
export function ModerationPanel({ caseView }: { caseView: HandlerCase }) {
  const { t, i18n } = useTranslation('case-handling');
  const moderate = useCaseWrite<ModerationBody>(caseView.id, 'moderation');
  const block = useCaseWrite<{ reason: string; days: number | null }>(caseView.id, 'block-sender');
  const [title, setTitle] = useState(caseView.title);
  const [text, setText] = useState(caseView.description);
  const [hiddenReason, setHiddenReason] = useState(caseView.hiddenReason ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [blocking, setBlocking] = useState(false);
  const [blockDraft, setBlockDraft] = useState({ reason: '', days: '' });
  const [blockErrors, setBlockErrors] = useState<Record<string, string>>({});
  const blockFormId = useId();
  const mayModerate = caseView.can.includes('moderate');
  const mayBlock =
    caseView.can.includes('block') && !caseView.reporter.blocked && !caseView.reporter.anonymised;
  if (!mayModerate && !mayBlock) return null;

  async function send(body: ModerationBody) {
    setDone(null);
    try {
      await moderate.mutateAsync(body);
      setDone(t('moderation.saved'));
    } catch {
      // moderate.error is shown below.
    }
  }

  function saveText(e: FormEvent) {
    e.preventDefault();
    const body: ModerationBody = {};
    if (title.trim() && title.trim() !== caseView.title) body.title = title.trim();
    if (text.trim() && text.trim() !== caseView.description) body.publicDescription = text.trim();
    if (Object.keys(body).length > 0) void send(body);
  }

  async function submitBlock(e: FormEvent) {
    e.preventDefault();
    const result = blockBody(blockDraft);
    if (!result.ok) {
      setBlockErrors(result.errors);
      return;
    }
    setBlockErrors({});
    try {
      await block.mutateAsync(result.body);
      setBlocking(false);
      setDone(t('moderation.blocked'));
    } catch {
      // block.error is shown in the dialog.
    }
  }

  const error = moderate.error;
  const publicEntries = caseView.entries.filter((entry) => entry.public && !entry.hidden);
  return (
    <Card title={t('moderation.title')} aria-label={t('moderation.title')}>
      <p className="muted">{t('moderation.intro')}</p>
      <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
      {error && (
        <Alert tone="error">
          {error instanceof ApiError ? error.messageIn(i18n.language) : String(error)}
        </Alert>
      )}
      {mayModerate && (
        <>
          <form onSubmit={saveText} noValidate className="stack">
            <TextField
              label={t('moderation.publicTitle')}
              value={title}
              maxLength={120}
              onChange={(e) => setTitle(e.target.value)}
            />
            <TextArea
              label={t('moderation.publicDescription')}
              value={text}
              rows={5}
              maxLength={4000}
              onChange={(e) => setText(e.target.value)}
            />
            <div>
              <Button type="submit" variant="secondary" loading={moderate.isPending}>
                {t('moderation.saveText')}
              </Button>
            </div>
          </form>
          {caseView.allPhotos.length > 0 && (
            <>
              <h3>{t('moderation.photos')}</h3>
              <ul className="case-photos">
                {caseView.allPhotos.map((photo, index) => (
                  <li key={photo.id} className={photo.hidden ? 'case-photos__hidden' : undefined}>
                    <img
                      src={photo.thumbUrl}
                      alt={t('case.photoAlt', { n: index + 1, code: caseView.code })}
                      loading="lazy"
                    />
                    <Button
                      variant="ghost"
                      onClick={() =>
                        void send(photo.hidden ? { showPhotoIds: [photo.id] } : { hidePhotoIds: [photo.id] })
                      }
                    >
                      {photo.hidden
                        ? t('moderation.showPhoto', { n: index + 1 })
                        : t('moderation.hidePhoto', { n: index + 1 })}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {publicEntries.length > 0 && (
            <ul className="stack">
              {publicEntries.map((entry) => (
                <li key={entry.id} className="cluster">
                  <span className="case-text">{entry.body.slice(0, 120)}</span>
                  <Button variant="ghost" onClick={() => void send({ hideEntryIds: [entry.id] })}>
                    {t('moderation.hideEntry')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {caseView.hidden ? (
            <Button variant="secondary" onClick={() => void send({ hidden: false })}>
              {t('moderation.showCase')}
            </Button>
          ) : (
            <div className="stack">
              <TextField
                label={t('moderation.hiddenReason')}
                value={hiddenReason}
                maxLength={500}
                onChange={(e) => setHiddenReason(e.target.value)}
              />
              <div>
                <Button
                  variant="danger"
                  onClick={() =>
                    void send({
                      hidden: true,
                      ...(hiddenReason.trim() ? { hiddenReason: hiddenReason.trim() } : {}),
                    })
                  }
                >
                  {t('moderation.hideCase')}
                </Button>
              </div>
            </div>
          )}
        </>
      )}
      {mayBlock && (
        <div>
          <Button variant="danger" onClick={() => setBlocking(true)}>
            {t('moderation.block')}
          </Button>
        </div>
      )}
      <Dialog
        open={blocking}
        onClose={() => setBlocking(false)}
        title={t('moderation.blockTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setBlocking(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="danger" form={blockFormId} loading={block.isPending}>
              {t('moderation.block')}
            </Button>
          </>
        }
      >
        <form id={blockFormId} onSubmit={submitBlock} noValidate className="stack">
          <p>{t('moderation.blockBody')}</p>
          <TextArea
            label={t('moderation.blockReason')}
            value={blockDraft.reason}
            rows={2}
            maxLength={500}
            error={blockErrors.reason ? t(blockErrors.reason) : null}
            onChange={(e) => setBlockDraft((d) => ({ ...d, reason: e.target.value }))}
          />
          <TextField
            label={t('moderation.blockDays')}
            hint={t('moderation.blockDaysHint')}
            inputMode="numeric"
            value={blockDraft.days}
            maxLength={4}
            error={blockErrors.days ? t(blockErrors.days) : null}
            onChange={(e) => setBlockDraft((d) => ({ ...d, days: e.target.value }))}
          />
          {block.error && (
            <Alert tone="error">
              {block.error instanceof ApiError ? block.error.messageIn(i18n.language) : String(block.error)}
            </Alert>
          )}
        </form>
      </Dialog>
    </Card>
  );
}
