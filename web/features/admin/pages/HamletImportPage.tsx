import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  MAX_IMPORT_CSV_BYTES,
  type ImportHamletsBody,
  type ImportHamletsResult,
} from '../../../../shared/contracts/units';
import { apiFetch } from '../../../app/api';
import { Alert, Button, buttonClass, Card, PageHeader, TextArea } from '../../../ui';
import { toUnitChoice, UnitPicker, type UnitChoice } from '../../geography/UnitPicker';
import { UNITS_QUERY_KEY, useUnitDetail } from '../../geography/units-queries';
import { ImportPreview } from '../components/ImportPreview';
import { useStartUnit } from '../start-unit';
import { useErrorText } from '../use-error-text';
import { downloadCsvTemplate } from '../hamlet-csv';
import '../admin.css';

/**
 * CSV import of hamlets in two steps: a dry run shows every row with its outcome and errors; the real import is
 * offered only when no row has an error (the server refuses it otherwise, all or nothing).
 */
export function HamletImportPage() {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const startUnit = useStartUnit();
  const preset = useUnitDetail(params.get('commune'));
  const [commune, setCommune] = useState<UnitChoice | null>(null);
  const chosenCommune = commune ?? (preset.data ? toUnitChoice(preset.data) : null);
  const [csv, setCsv] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportHamletsResult | null>(null);
  const [done, setDone] = useState<ImportHamletsResult | null>(null);

  const run = useMutation({
    mutationFn: (body: ImportHamletsBody) =>
      apiFetch<ImportHamletsResult>('/api/v1/hamlets/import', { method: 'POST', body }),
    onSuccess: (result) => {
      if (result.dryRun) {
        setPreview(result);
      } else {
        setDone(result);
        setPreview(null);
        void queryClient.invalidateQueries({ queryKey: [UNITS_QUERY_KEY] });
      }
    },
  });

  const body = (dryRun: boolean): ImportHamletsBody => ({
    csv,
    dryRun,
    ...(chosenCommune ? { communeCode: chosenCommune.code } : {}),
  });

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setPreview(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_CSV_BYTES) {
      setInputError(t('import.tooLarge'));
      return;
    }
    setInputError(null);
    // A BOM (Excel's "CSV UTF-8") would otherwise become part of the first column's name.
    setCsv((await file.text()).replace(/^\uFEFF/, ''));
  };

  const submitPreview = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!csv.trim()) {
      setInputError(t('import.empty'));
      return;
    }
    if (new TextEncoder().encode(csv).length > MAX_IMPORT_CSV_BYTES) {
      setInputError(t('import.tooLarge'));
      return;
    }
    setInputError(null);
    run.mutate(body(true));
  };

  const restart = () => {
    setCsv('');
    setPreview(null);
    setDone(null);
    run.reset();
  };

  if (done) {
    return (
      <>
        <PageHeader title={t('import.title')} />
        <Alert tone="success">{t('import.done', done.summary)}</Alert>
        <div className="cluster">
          <Button onClick={restart}>{t('import.again')}</Button>
          <Link
            to={chosenCommune ? `/admin/hamlets?commune=${chosenCommune.code}` : '/admin/hamlets'}
            className={buttonClass('secondary')}
          >
            {t('import.toHamlets')}
          </Link>
        </div>
      </>
    );
  }

  const importable = preview ? preview.summary.create + preview.summary.update : 0;
  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      <p>
        <Button variant="secondary" onClick={downloadCsvTemplate}>
          {t('import.template')}
        </Button>
      </p>
      <form onSubmit={submitPreview} noValidate className="stack">
        <UnitPicker
          label={t('import.commune')}
          hint={t('import.communeHint')}
          value={chosenCommune}
          onChange={setCommune}
          selectable={['commune']}
          deepest="commune"
          startCode={chosenCommune ? chosenCommune.provinceCode : startUnit}
        />
        <div className="field">
          <label className="field__label" htmlFor="import-file">
            {t('import.file')}
          </label>
          <p className="field__hint" id="import-file-hint">
            {t('import.fileHint')}
          </p>
          <input
            id="import-file"
            type="file"
            className="input admin-file"
            accept=".csv,text/csv"
            aria-describedby="import-file-hint"
            onChange={(event) => void readFile(event)}
          />
        </div>
        <TextArea
          label={t('import.paste')}
          value={csv}
          rows={8}
          spellCheck={false}
          className="admin-csv"
          error={inputError}
          onChange={(event) => {
            setCsv(event.target.value);
            setPreview(null);
          }}
        />
        <Button type="submit" loading={run.isPending && run.variables?.dryRun === true}>
          {t('import.preview')}
        </Button>
      </form>
      {run.isError && <Alert tone="error">{errorText(run.error)}</Alert>}
      {preview && (
        <Card title={t('import.previewTitle')} className="admin-preview">
          <p role="status">{t('import.summary', preview.summary)}</p>
          {preview.summary.error > 0 ? (
            <Alert tone="warning">{t('import.hasErrors', { count: preview.summary.error })}</Alert>
          ) : importable === 0 ? (
            <Alert tone="info">{t('import.nothingToDo')}</Alert>
          ) : (
            <Button
              loading={run.isPending && run.variables?.dryRun === false}
              onClick={() => run.mutate(body(false))}
            >
              {t('import.confirm', { count: importable })}
            </Button>
          )}
          <ImportPreview rows={preview.rows} />
        </Card>
      )}
    </>
  );
}
