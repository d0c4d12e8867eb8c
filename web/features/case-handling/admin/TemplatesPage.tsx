import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch, fieldErrorsOf } from '../../../app/api';
import {
  Alert,
  Button,
  DataTable,
  Dialog,
  EmptyState,
  PageHeader,
  Select,
  Skeleton,
  Tag,
  TextArea,
  TextField,
  Toggle,
} from '../../../ui';
import { CASES_KEY, useWrite, type ReplyTemplate } from '../queries';
import {
  EMPTY_TEMPLATE,
  TEMPLATE_PURPOSES,
  templateBody,
  templateErrors,
  type TemplateDraft,
} from './admin-forms';
import '../case-handling.css';

/** Reply templates for the province: what handlers pick when refusing, accepting, updating or answering. */
export function TemplatesPage() {
  const { t } = useTranslation('case-handling');
  // Inactive ones too: an administrator may switch one back on.
  const templates = useQuery({
    queryKey: [CASES_KEY, 'templates', 'all'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: ReplyTemplate[] }>('/api/v1/case-templates', { query: { all: 'true' }, signal }),
    select: (data) => data.items,
  });
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="stack">
      <PageHeader
        title={t('templates.title')}
        description={t('templates.intro')}
        actions={<Button onClick={() => setEditing('new')}>{t('templates.add')}</Button>}
      />
      <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
      {templates.isPending ? (
        <Skeleton lines={5} />
      ) : templates.isError ? (
        <Alert tone="error">{t('common.loadFailed')}</Alert>
      ) : (
        <DataTable<ReplyTemplate>
          caption={t('templates.caption')}
          captionHidden
          rows={templates.data}
          rowKey={(tpl) => tpl.id}
          empty={<EmptyState title={t('templates.empty')} />}
          columns={[
            {
              key: 'title',
              header: t('templates.columns.title'),
              primary: true,
              render: (tpl) => (
                <span className="stack-tight">
                  <span>{tpl.title}</span>
                  <span className="muted case-text">
                    {tpl.body.length > 140 ? `${tpl.body.slice(0, 140)}…` : tpl.body}
                  </span>
                </span>
              ),
            },
            {
              key: 'purpose',
              header: t('templates.columns.purpose'),
              render: (tpl) => t(`templates.purposes.${tpl.purpose}`),
            },
            {
              key: 'status',
              header: t('templates.columns.status'),
              render: (tpl) => (
                <Tag tone={tpl.active ? 'success' : 'neutral'}>
                  {tpl.active ? t('common.active') : t('common.inactive')}
                </Tag>
              ),
            },
            {
              key: 'actions',
              header: t('templates.columns.actions'),
              actions: true,
              render: (tpl) => (
                <Button
                  variant="secondary"
                  onClick={() => setEditing(tpl)}
                  aria-label={t('templates.editTitle', { title: tpl.title })}
                >
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <TemplateDialog
          template={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setDone(t('common.saved'));
          }}
        />
      )}
    </div>
  );
}

function TemplateDialog({
  template,
  onClose,
  onSaved,
}: {
  template: ReplyTemplate | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation('case-handling');
  const [draft, setDraft] = useState<TemplateDraft>(
    template
      ? { purpose: template.purpose, title: template.title, body: template.body, active: template.active }
      : EMPTY_TEMPLATE,
  );
  const [errors, setErrors] = useState<Partial<Record<keyof TemplateDraft, string>>>({});
  const formId = useId();
  const create = useWrite<TemplateDraft, ReplyTemplate>(
    'POST',
    '/api/v1/case-templates',
    ['templates'],
    templateBody,
  );
  const update = useWrite<TemplateDraft, ReplyTemplate>(
    'PATCH',
    `/api/v1/case-templates/${encodeURIComponent(template?.id ?? '')}`,
    ['templates'],
    templateBody,
  );
  const write = template ? update : create;
  const server = fieldErrorsOf(write.error, i18n.language);
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (key: keyof TemplateDraft) => (errors[key] ? t(errors[key]) : (server[key] ?? null));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = templateErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await write.mutateAsync(draft);
      onSaved();
    } catch {
      // write.error is shown below.
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={template ? t('templates.editTitle', { title: template.title }) : t('templates.addTitle')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} loading={write.isPending}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="stack">
        <Select
          label={t('templates.purpose')}
          value={draft.purpose}
          placeholder={t('common.choose')}
          options={TEMPLATE_PURPOSES.map((p) => ({ value: p, label: t(`templates.purposes.${p}`) }))}
          error={err('purpose')}
          onChange={(e) => set('purpose', e.target.value)}
        />
        <TextField
          label={t('templates.titleField')}
          value={draft.title}
          maxLength={120}
          error={err('title')}
          onChange={(e) => set('title', e.target.value)}
        />
        <TextArea
          label={t('templates.body')}
          value={draft.body}
          rows={6}
          maxLength={4000}
          error={err('body')}
          onChange={(e) => set('body', e.target.value)}
        />
        <Toggle
          label={t('templates.activeLabel')}
          checked={draft.active}
          onChange={(e) => set('active', e.target.checked)}
        />
        {write.error && (
          <Alert tone="error">
            {write.error instanceof ApiError ? write.error.messageIn(i18n.language) : String(write.error)}
          </Alert>
        )}
      </form>
    </Dialog>
  );
}
