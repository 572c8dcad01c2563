import { useTranslation } from 'react-i18next';
import { chooseForOrder, useOfferedLanguages } from '../i18n/event-languages.js';
import { pickLanguage } from '../i18n/i18n.js';

/** Each language by its own name ("Deutsch", "English"), as its readers look for it. */
const ownName = (lang: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(lang);

/** The event's languages to choose from, when it has more than one; the choice is remembered. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const offered = useOfferedLanguages();
  if (offered.length < 2) return null;
  return (
    <nav className="language-switch" aria-label={t('app.language')}>
      {offered.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-choice"
          aria-pressed={i18n.language === lang}
          onClick={() => {
            void pickLanguage(lang);
            chooseForOrder(lang);
          }}
        >
          {ownName(lang)}
        </button>
      ))}
    </nav>
  );
}
