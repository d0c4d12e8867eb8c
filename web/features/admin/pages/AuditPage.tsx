import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_KINDS,
  auditActionLabel,
  auditEntityKindLabel,
} from '../../../../shared/audit/catalogue';
import type { AuditEntry } from '../../../../shared/contracts/accounts';
import { formatDateTime, isoDateTime } from '../../../app/format';
import { Button, EmptyState, PageHeader, Pagination, Select, Skeleton, TextField } from '../../../ui';
import { ChangeDiff } from '../components/ChangeDiff';
import { LoadError } from '../components/LoadError';
import { rowsOf, useAudit, type AuditFilters } from '../queries';
import '../admin.css';

const FILTER_NAMES = ['actor', 'entityType', 'action', 'from', 'to'] as const;
type FilterName = (typeof FILTER_NAMES)[number];

/** The audit trail, newest first, filterable; each entry opens to a field-by-field before/after comparison. */
/** Catalogue entries as pick-list options, in the reader's language and alphabetical in it. */
function optionsOf(codes: readonly string[], label: (code: string) => string) {
  return codes
    .map((code) => ({ value: code, label: label(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

export function AuditPage() {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language;
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<Record<FilterName, string>>(() => {
    const initial = {} as Record<FilterName, string>;
    for (const name of FILTER_NAMES) initial[name] = params.get(name) ?? '';
    return initial;
  });
  const [rangeError, setRangeError] = useState<string | null>(null);

  const filters: AuditFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const audit = useAudit(filters);
  const rows = rowsOf(audit.data);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setRangeError(t('audit.rangeInvalid'));
      return;
    }
    setRangeError(null);
    const next = new URLSearchParams();
    for (const name of FILTER_NAMES) if (draft[name].trim()) next.set(name, draft[name].trim());
    setParams(next);
  };
  const clear = () => {
    setDraft({ actor: '', entityType: '', action: '', from: '', to: '' });
    setRangeError(null);
    setParams(new URLSearchParams());
  };
  const field = (name: FilterName) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [name]: event.target.value })),
  });
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <form className="admin-filters" onSubmit={apply} aria-label={t('audit.filters')} noValidate>
        <div className="admin-filters__fields">
          <Select
            label={t('audit.action')}
            placeholder={t('audit.actionAll')}
            options={optionsOf(Object.keys(AUDIT_ACTIONS), (code) => auditActionLabel(code, language))}
            {...field('action')}
          />
          <Select
            label={t('audit.entityType')}
            placeholder={t('audit.entityTypeAll')}
            options={optionsOf(Object.keys(AUDIT_ENTITY_KINDS), (code) => auditEntityKindLabel(code, language))}
            {...field('entityType')}
          />
          <TextField label={t('audit.actor')} hint={t('audit.actorHint')} {...field('actor')} />
          <TextField type="date" label={t('audit.from')} {...field('from')} />
          <TextField type="date" label={t('audit.to')} {...field('to')} error={rangeError} />
        </div>
        <div className="cluster">
          <Button type="submit">{t('common.filter')}</Button>
          {filtered && (
            <Button variant="secondary" onClick={clear}>
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
      </form>

      {audit.isPending ? (
        <Skeleton lines={6} />
      ) : audit.isError ? (
        <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('audit.empty')} />
      ) : (
        <>
          <ol className="audit-list" aria-label={t('audit.caption')}>
            {rows.map((entry) => (
              <AuditItem key={entry.id} entry={entry} />
            ))}
          </ol>
          <Pagination
            hasMore={Boolean(audit.hasNextPage)}
            loading={audit.isFetchingNextPage}
            onLoadMore={() => void audit.fetchNextPage()}
            shownCount={rows.length}
          />
        </>
      )}
    </>
  );
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation('admin');
  const at = formatDateTime(entry.at);
  const action = auditActionLabel(entry.action, i18n.language);
  const who =
    entry.actor?.name ?? (entry.apiKeyId ? t('audit.apiKey', { id: entry.apiKeyId }) : t('audit.system'));
  const place = [entry.communeName, entry.provinceName].filter(Boolean).join(', ');
  return (
    <li className="record-card audit-entry">
      <h2 className="record-card__title">{action}</h2>
      <dl className="admin-facts">
        <div>
          <dt>{t('audit.at')}</dt>
          <dd>
            <time dateTime={isoDateTime(entry.at)}>{at}</time>
          </dd>
        </div>
        <div>
          <dt>{t('audit.who')}</dt>
          <dd>{who}</dd>
        </div>
        <div>
          <dt>{t('audit.entity')}</dt>
          <dd>
            {auditEntityKindLabel(entry.entityType, i18n.language)}
            {entry.entityName && `: ${entry.entityName}`}
          </dd>
        </div>
        {place && (
          <div>
            <dt>{t('audit.place')}</dt>
            <dd>{place}</dd>
          </div>
        )}
        <div>
          <dt>{t('audit.ip')}</dt>
          <dd>{entry.ip ?? t('common.none')}</dd>
        </div>
      </dl>
      <details className="admin-disclosure">
        <summary>{t('audit.showDiff')}</summary>
        <ChangeDiff
          before={entry.before}
          after={entry.after}
          caption={t('audit.diffLabel', { action, at })}
        />
      </details>
    </li>
  );
}
