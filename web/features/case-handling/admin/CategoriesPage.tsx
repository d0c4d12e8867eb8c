import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { AdminCategory } from '../../../../shared/contracts/case-admin';
import { ApiError, apiFetch, fieldErrorsOf } from '../../../app/api';
import {
  Alert,
  Button,
  DataTable,
  Dialog,
  EmptyState,
  PageHeader,
  RadioGroup,
  Skeleton,
  Tag,
  TextArea,
  TextField,
  Toggle,
} from '../../../ui';
import { CASES_KEY, useWrite } from '../queries';
import {
  categoryCreateBody,
  categoryDraftOf,
  categoryErrors,
  categoryPatchBody,
  citizenCount,
  EMPTY_CATEGORY,
  servesCitizens,
  type CategoryDraft,
} from './category-forms';
import '../case-handling.css';

const KIND_OPTIONS = ['report', 'petition', 'both'] as const;

/**
 * The province's case categories (issue 10): the administrator renames them in both languages, orders them, switches
 * them on or off and adds new ones. The server keeps "Khác" on and at most 20 for citizens and says so in words; each
 * category carries the caller's `actions`, so someone who may only read sees no edit button.
 */
export function CategoriesPage() {
  const { t, i18n } = useTranslation('case-handling');
  const categories = useQuery({
    queryKey: [CASES_KEY, 'categories', 'all'],
    queryFn: ({ signal }) => apiFetch<{ items: AdminCategory[] }>('/api/v1/case-categories/all', { signal }),
    select: (data) => data.items,
  });
  const [editing, setEditing] = useState<AdminCategory | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = categories.data ?? [];
  // Configuration is province-wide: the server's answer on any category says whether the caller may change them.
  const mayConfigure = items.some((c) => c.actions.includes('cases.configure'));
  const count = citizenCount(items);
  const vi = i18n.language.startsWith('vi');
  const nameOf = (c: AdminCategory) => (vi ? c.nameVi : c.nameEn);

  const table = (rows: AdminCategory[], caption: string) => (
    <DataTable<AdminCategory>
      caption={caption}
      rows={rows}
      rowKey={(c) => c.code}
      empty={<EmptyState title={t('categories.empty')} />}
      columns={[
        {
          key: 'name',
          header: t('categories.columns.name'),
          primary: true,
          render: (c) => (
            <span className="stack-tight">
              <span>
                {nameOf(c)} {c.isOther && <Tag tone="info">{t('categories.other')}</Tag>}
              </span>
              <span className="muted case-text" lang={vi ? 'en' : 'vi'}>
                {vi ? c.nameEn : c.nameVi}
              </span>
              <span className="muted">
                <code>{c.code}</code>
              </span>
            </span>
          ),
        },
        { key: 'order', header: t('categories.columns.order'), render: (c) => c.sortOrder },
        {
          key: 'status',
          header: t('categories.columns.status'),
          render: (c) => (
            <Tag tone={c.active ? 'success' : 'neutral'}>
              {c.active ? t('common.active') : t('common.inactive')}
            </Tag>
          ),
        },
        ...(mayConfigure
          ? [
              {
                key: 'actions',
                header: t('categories.columns.actions'),
                actions: true,
                render: (c: AdminCategory) => (
                  <Button
                    variant="secondary"
                    onClick={() => setEditing(c)}
                    aria-label={t('categories.editTitle', { name: nameOf(c) })}
                  >
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <div className="stack">
      <PageHeader
        title={t('categories.title')}
        description={t('categories.intro')}
        actions={
          mayConfigure ? <Button onClick={() => setEditing('new')}>{t('categories.add')}</Button> : undefined
        }
      />
      <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
      {categories.isPending ? (
        <Skeleton lines={6} />
      ) : categories.isError ? (
        <Alert tone="error">{t('common.loadFailed')}</Alert>
      ) : (
        <>
          <p>{t('categories.count', count)}</p>
          {count.active >= count.max && <Alert tone="info">{t('categories.full', count)}</Alert>}
          {table(items.filter(servesCitizens), t('categories.citizenCaption'))}
          <p className="muted">{t('categories.themesIntro')}</p>
          {table(
            items.filter((c) => !servesCitizens(c)),
            t('categories.themesCaption'),
          )}
        </>
      )}
      {editing && (
        <CategoryDialog
          category={editing === 'new' ? null : editing}
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

function CategoryDialog({
  category,
  onClose,
  onSaved,
}: {
  category: AdminCategory | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation('case-handling');
  const isNew = category === null;
  const [draft, setDraft] = useState<CategoryDraft>(category ? categoryDraftOf(category) : EMPTY_CATEGORY);
  const [errors, setErrors] = useState<Partial<Record<keyof CategoryDraft, string>>>({});
  const formId = useId();
  const create = useWrite<CategoryDraft, AdminCategory>(
    'POST',
    '/api/v1/case-categories',
    ['categories'],
    categoryCreateBody,
  );
  const update = useWrite<CategoryDraft, AdminCategory>(
    'PATCH',
    `/api/v1/case-categories/${encodeURIComponent(category?.code ?? '')}`,
    ['categories'],
    categoryPatchBody,
  );
  const write = isNew ? create : update;
  // The province-wide rules ("Khác" stays on, at most 20) come back on `active`, in the reader's language.
  const server = fieldErrorsOf(write.error, i18n.language);
  const set = <K extends keyof CategoryDraft>(key: K, value: CategoryDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (key: keyof CategoryDraft) => (errors[key] ? t(errors[key]) : (server[key] ?? null));
  const fieldShown = new Set(['code', 'nameVi', 'nameEn', 'descriptionVi', 'descriptionEn', 'sortOrder']);
  const otherServerError =
    write.error && !Object.keys(server).some((key) => fieldShown.has(key))
      ? write.error instanceof ApiError
        ? (server.active ?? write.error.messageIn(i18n.language))
        : String(write.error)
      : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = categoryErrors(draft, isNew);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await write.mutateAsync(draft);
      onSaved();
    } catch {
      // write.error is shown below.
    }
  }

  const title = category
    ? t('categories.editTitle', { name: i18n.language.startsWith('vi') ? category.nameVi : category.nameEn })
    : t('categories.addTitle');
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
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
        {isNew && (
          <TextField
            label={t('categories.code')}
            hint={t('categories.codeHint')}
            value={draft.code}
            maxLength={40}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            error={err('code')}
            onChange={(e) => set('code', e.target.value)}
          />
        )}
        <TextField
          label={t('categories.nameVi')}
          lang="vi"
          value={draft.nameVi}
          maxLength={120}
          error={err('nameVi')}
          onChange={(e) => set('nameVi', e.target.value)}
        />
        <TextField
          label={t('categories.nameEn')}
          lang="en"
          value={draft.nameEn}
          maxLength={120}
          error={err('nameEn')}
          onChange={(e) => set('nameEn', e.target.value)}
        />
        <TextArea
          label={t('categories.descriptionVi')}
          lang="vi"
          value={draft.descriptionVi}
          rows={2}
          maxLength={500}
          optional
          error={err('descriptionVi')}
          onChange={(e) => set('descriptionVi', e.target.value)}
        />
        <TextArea
          label={t('categories.descriptionEn')}
          lang="en"
          value={draft.descriptionEn}
          rows={2}
          maxLength={500}
          optional
          error={err('descriptionEn')}
          onChange={(e) => set('descriptionEn', e.target.value)}
        />
        <TextField
          label={t('categories.sortOrder')}
          hint={t('categories.sortOrderHint')}
          value={draft.sortOrder}
          inputMode="numeric"
          maxLength={4}
          error={err('sortOrder')}
          onChange={(e) => set('sortOrder', e.target.value)}
        />
        {isNew && (
          <RadioGroup
            legend={t('categories.kinds')}
            name={`${formId}-kinds`}
            value={draft.kinds}
            options={KIND_OPTIONS.map((k) => ({ value: k, label: t(`categories.kindOptions.${k}`) }))}
            onChange={(v) => set('kinds', v as CategoryDraft['kinds'])}
          />
        )}
        <Toggle
          label={t('categories.activeLabel')}
          hint={category?.isOther ? t('categories.otherAlwaysActive') : undefined}
          checked={draft.active}
          disabled={category?.isOther === true}
          onChange={(e) => set('active', e.target.checked)}
        />
        {otherServerError && <Alert tone="error">{otherServerError}</Alert>}
      </form>
    </Dialog>
  );
}
