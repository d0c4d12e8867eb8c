import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CASE_PHOTOS } from './limits';
import { Alert, Button } from '../../ui';
import type { DraftPhoto } from './report-draft';

/** Object URLs for the kept photos' bytes, revoked when the list changes or the step closes. */
function usePhotoUrls(photos: readonly DraftPhoto[]): Record<string, string> {
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return;
    const made = Object.fromEntries(
      photos.map((p) => [p.id, URL.createObjectURL(new Blob([p.bytes], { type: p.type }))]),
    );
    setUrls(made);
    return () => Object.values(made).forEach((url) => URL.revokeObjectURL(url));
  }, [photos]);
  return urls;
}

/**
 * Up to five photos, from the camera or the gallery: a big labelled button opens the picker (the file input itself
 * is visually hidden but focusable through its label), then thumbnails, each with its own remove button.
 */
export function PhotosField({
  photos,
  addPhotos,
  removePhoto,
}: {
  photos: DraftPhoto[];
  addPhotos: (files: readonly File[]) => Promise<{ failed: number }>;
  removePhoto: (id: string) => void;
}) {
  const { t } = useTranslation('cases');
  const inputId = useId();
  const urls = usePhotoUrls(photos);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const full = photos.length >= MAX_CASE_PHOTOS;

  async function onFiles(list: FileList | null) {
    if (!list || list.length === 0) return;
    setBusy(true);
    const outcome = await addPhotos([...list]);
    setFailed(outcome.failed > 0);
    setBusy(false);
  }

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('report.photos', { max: MAX_CASE_PHOTOS })}</legend>
      <p className="field__hint">{t('report.photosHint')}</p>
      {failed && <Alert tone="error">{t('report.photoFailed')}</Alert>}
      {photos.length > 0 && (
        <ul className="case-photos" role="list">
          {photos.map((photo, index) => (
            <li key={photo.id} className="case-photos__item">
              {urls[photo.id] ? (
                <img
                  src={urls[photo.id]}
                  alt={t('report.photoAlt', { n: index + 1 })}
                  width={96}
                  height={96}
                />
              ) : (
                <span className="case-photos__placeholder">{t('report.photoAlt', { n: index + 1 })}</span>
              )}
              <Button variant="ghost" onClick={() => removePhoto(photo.id)}>
                {t('report.removePhoto', { n: index + 1 })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p className="muted">{t('report.photosFull', { max: MAX_CASE_PHOTOS })}</p>
      ) : (
        <div>
          <input
            id={inputId}
            className="visually-hidden case-file-input"
            type="file"
            accept="image/*"
            multiple
            disabled={busy}
            onChange={(e) => {
              void onFiles(e.target.files);
              e.target.value = '';
            }}
          />
          <label
            htmlFor={inputId}
            className="btn btn--secondary case-file-label"
            aria-busy={busy || undefined}
          >
            {busy && <span className="spinner" aria-hidden="true" />}
            {t('report.addPhoto')}
          </label>
        </div>
      )}
    </fieldset>
  );
}
