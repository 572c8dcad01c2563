import type { Language } from '../../features/events/languages.js';
import { errorId, FieldError, fieldDomId } from '../components/field.js';
import { FormSelect, type SettingsForm } from './settings-form.js';

// Typed by the server's list, so a language added there is a compile error here until it has a name.
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'German (Deutsch)' };
const LANGUAGES = Object.keys(LANGUAGE_NAMES) as Language[];

/** The event's languages from the form: the default first, then the others ticked. */
export function languagesOf(v: { text(name: string): string; all(name: string): string[] }) {
  const first = v.text('defaultLanguage');
  return [first, ...v.all('languages').filter((l) => l !== first)];
}

/**
 * Which languages the portal, the messages and the kiosk offer, and which one is the default
 * (shown to readers whose browser asks for none of them); docs/organizer-guide.md, Languages.
 */
export function LanguageChoices(p: { form: SettingsForm; chosen: readonly string[] }) {
  const id = fieldDomId(p.form.id('languages'));
  const error = p.form.of('languages');
  return (
    <>
      <fieldset
        className={`field type-choices${error ? ' field-invalid' : ''}`}
        aria-describedby={[`${id}-hint`, error ? errorId(id) : ''].filter(Boolean).join(' ')}
      >
        <legend>{p.form.labels.languages}</legend>
        <p className="hint" id={`${id}-hint`}>
          With more than one, attendees choose; their browser&apos;s language is offered first.
        </p>
        {LANGUAGES.map((lang, i) => (
          <div className="field-check" key={lang}>
            <input
              id={i === 0 ? id : `${id}-${lang}`}
              type="checkbox"
              name="languages"
              value={lang}
              defaultChecked={p.chosen.includes(lang)}
            />
            <label htmlFor={i === 0 ? id : `${id}-${lang}`}>{LANGUAGE_NAMES[lang]}</label>
          </div>
        ))}
        <FieldError id={id} error={error} />
      </fieldset>
      <FormSelect
        form={p.form}
        name="defaultLanguage"
        hint="Always offered; used when the attendee's browser asks for none of the event's languages."
        options={LANGUAGES.map((l) => [l, LANGUAGE_NAMES[l]])}
        defaultValue={p.chosen[0]}
      />
    </>
  );
}
