import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage, type Language } from '../language';

const CHOICES: { language: Language; name: string }[] = [
  { language: 'vi', name: 'Tiếng Việt' },
  { language: 'en', name: 'English' },
];

/**
 * Two buttons, each named in its own language (so a reader who cannot read the current one still finds theirs);
 * the current one is marked pressed. It switches whichever i18next instance renders it (the app's, or the
 * standalone capture page's), and imports no message bundle, so the capture page can use it too.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('app');
  const labelId = useId();
  return (
    <div className="language-switch" role="group" aria-labelledby={labelId}>
      <span className="language-switch__label" id={labelId}>
        {t('language.label')}
      </span>
      {CHOICES.map((choice) => (
        <button
          key={choice.language}
          type="button"
          lang={choice.language}
          aria-pressed={i18n.language === choice.language}
          onClick={() => void switchLanguage(i18n, choice.language)}
        >
          {choice.name}
        </button>
      ))}
    </div>
  );
}
