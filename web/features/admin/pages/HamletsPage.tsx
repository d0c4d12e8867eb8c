import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  HAMLET_KINDS,
  type CreateHamletBody,
  type HamletItem,
  type HamletKind,
} from '../../../../shared/contracts/units';
import { apiFetch, fieldErrorsOf } from '../../../app/api';
import {
  Alert,
  Button,
  buttonClass,
  Card,
  DataTable,
  EmptyState,
  PageHeader,
  Select,
  Skeleton,
  TextField,
  type DataColumn,
} from '../../../ui';
import { toUnitChoice, UnitPicker, type UnitChoice } from '../../geography/UnitPicker';
import { isHamletRow, UNITS_QUERY_KEY, useUnitDetail, useUnitList } from '../../geography/units-queries';
import { LoadError } from '../components/LoadError';
import { useStartUnit } from '../start-unit';
import { useErrorText } from '../use-error-text';
import '../admin.css';

/**
 * Hamlets of one commune: pick the commune in the unit tree, see its hamlets, add one. Editing, merging and
 * retiring happen on each hamlet's page, where its history is shown.
 */
export function HamletsPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const startUnit = useStartUnit();
  // A commune officer lands directly on their commune; anyone can pick another one in the tree.
  const communeCode = params.get('commune') ?? (startUnit && /^\d{5}$/.test(startUnit) ? startUnit : null);
  const commune = useUnitDetail(communeCode);
  const value: UnitChoice | null = commune.data ? toUnitChoice(commune.data) : null;
  const choose = (choice: UnitChoice) => setParams(new URLSearchParams({ commune: choice.code }));

  return (
    <>
      <PageHeader
        title={t('hamlets.title')}
        description={t('hamlets.description')}
        actions={
          <Link
            to={communeCode ? `/admin/hamlets/import?commune=${communeCode}` : '/admin/hamlets/import'}
            className={buttonClass('secondary')}
          >
            {t('hamlets.import')}
          </Link>
        }
      />
      <UnitPicker
        label={t('hamlets.commune')}
        hint={t('hamlets.communeHint')}
        value={value}
        onChange={choose}
        selectable={['commune']}
        deepest="hamlet"
        startCode={value ? value.provinceCode : startUnit}
      />
      {!communeCode ? (
        <p className="muted">{t('hamlets.pickFirst')}</p>
      ) : !value ? (
        <Skeleton lines={4} />
      ) : (
        <div className="stack-lg">
          <HamletList commune={value} />
          <AddHamletCard commune={value} />
        </div>
      )}
    </>
  );
}

function HamletList({ commune }: { commune: UnitChoice }) {
  const { t } = useTranslation('admin');
  const list = useUnitList({ parentCode: commune.code });
  const hamlets = (list.data?.items ?? []).filter(isHamletRow);
  const columns: DataColumn<HamletItem>[] = [
    {
      key: 'name',
      header: t('hamlets.name'),
      primary: true,
      render: (hamlet) => <Link to={`/admin/hamlets/${hamlet.id}`}>{hamlet.name}</Link>,
    },
    { key: 'kind', header: t('hamlets.kind'), render: (hamlet) => t(`geography:kinds.${hamlet.kind}`) },
    {
      key: 'localCode',
      header: t('hamlets.localCode'),
      render: (hamlet) => hamlet.localCode ?? t('common.none'),
    },
  ];
  return (
    <section aria-labelledby="hamlet-list-title">
      <h2 id="hamlet-list-title">{t('hamlets.listTitle', { name: commune.fullName })}</h2>
      {list.isPending ? (
        <Skeleton lines={5} />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable
          caption={t('hamlets.caption', { name: commune.fullName })}
          captionHidden
          columns={columns}
          rows={hamlets}
          rowKey={(hamlet) => hamlet.id}
          empty={<EmptyState title={t('hamlets.empty')} />}
        />
      )}
    </section>
  );
}

function AddHamletCard({ commune }: { commune: UnitChoice }) {
  const { t, i18n } = useTranslation('admin');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<HamletKind>('ap');
  const [localCode, setLocalCode] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [addedName, setAddedName] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (body: CreateHamletBody) => apiFetch<HamletItem>('/api/v1/hamlets', { method: 'POST', body }),
    onSuccess: (hamlet) => {
      setAddedName(hamlet.name);
      setName('');
      setLocalCode('');
      void queryClient.invalidateQueries({ queryKey: [UNITS_QUERY_KEY] });
    },
  });
  const serverFieldErrors = add.isError ? fieldErrorsOf(add.error, i18n.language) : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAddedName(null);
    if (!name.trim()) {
      setNameError(t('hamlets.nameRequired'));
      return;
    }
    setNameError(null);
    add.mutate({
      communeCode: commune.code,
      name: name.trim(),
      kind,
      ...(localCode.trim() ? { localCode: localCode.trim() } : {}),
    });
  };

  return (
    <Card title={t('hamlets.addTitle')}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('hamlets.name')}
          hint={t('hamlets.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError ?? serverFieldErrors.name}
          autoComplete="off"
        />
        <Select
          label={t('hamlets.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as HamletKind)}
          options={HAMLET_KINDS.map((k) => ({ value: k, label: t(`geography:kinds.${k}`) }))}
        />
        <TextField
          label={t('hamlets.localCode')}
          hint={t('hamlets.localCodeHint')}
          optional
          value={localCode}
          onChange={(e) => setLocalCode(e.target.value)}
          error={serverFieldErrors.localCode}
          autoComplete="off"
        />
        {add.isError && !serverFieldErrors.name && !serverFieldErrors.localCode && (
          <Alert tone="error">{errorText(add.error)}</Alert>
        )}
        {addedName && <Alert tone="success">{t('hamlets.added', { name: addedName })}</Alert>}
        <Button type="submit" loading={add.isPending}>
          {t('hamlets.add')}
        </Button>
      </form>
    </Card>
  );
}
