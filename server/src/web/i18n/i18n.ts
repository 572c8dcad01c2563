import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../features/events/languages.js';
import { chooseLanguage } from './choose-language.js';
import { en, type Catalog } from './en.js';

// The portal's translations with i18next (docs/portal.md, Languages). English is in the main
// bundle; any other language is a chunk of its own, fetched only when someone reads it, so a
// phone on a slow network loads one language.
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  de: () => import('./de.js').then((m) => m.de),
};

/** Every language the portal ships: a loader per language an event may offer, and English. */
const SHIPPED = ['en', ...Object.keys(LOADERS)];

/** Where the attendee's choice is remembered, across events: it is their language. */
const REMEMBERED = 'lanyard.language';

export function rememberedLanguage(): string | null {
  try {
    return window.localStorage.getItem(REMEMBERED);
  } catch {
    return null; // Storage blocked: the browser's languages decide.
  }
}

/** Starts i18next in `lang` (English until told otherwise), its catalog loaded first. */
export async function startI18n(lang: string = 'en'): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    // React escapes what it renders; escaping here too would show "&amp;" in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  await showLanguage(lang);
}

/** Shows the portal in `lang`, loading its catalog the first time. */
export async function showLanguage(lang: string): Promise<void> {
  if (lang !== 'en' && !i18next.hasResourceBundle(lang, 'translation')) {
    const load = LOADERS[lang as Exclude<Language, 'en'>];
    if (!load) return;
    i18next.addResourceBundle(lang, 'translation', await load());
  }
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

/** The attendee picked a language: shown now and remembered for the next visit. */
export async function pickLanguage(lang: string): Promise<void> {
  try {
    window.localStorage.setItem(REMEMBERED, lang);
  } catch {
    // Not remembered; still shown.
  }
  await showLanguage(lang);
}

/** The language to start in, before any event is known: among every language shipped. */
export const startingLanguage = () =>
  chooseLanguage(SHIPPED, rememberedLanguage(), navigator.languages ?? []);
