import type { en } from './en.js';

// Every t('…') is checked against the English catalog when the portal is built: a key that does
// not exist is a type error, not an untranslated string on a phone.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
