import type { FormEvent } from 'react';
import { api } from './api.js';
import { FormArea, FormText, SaveButton, formValues, useSettingsForm } from './settings-form.js';
import { BrandingImages } from './settings-branding-images.js';
import type { OrganizerEvent } from './types.js';

const LABELS = {
  'branding.accentColor': 'Accent colour',
  'branding.organizerName': 'Organizer name',
  'branding.contactEmail': 'Contact email',
  'branding.contactPhone': 'Contact phone',
  'branding.contactAddress': 'Postal address',
  'branding.imprint': 'Imprint (legal notice)',
  'branding.termsUrl': 'Terms and conditions (link)',
  'branding.privacyUrl': 'Privacy notice (link)',
};
const FIELDS = Object.keys(LABELS).map((k) => k.slice('branding.'.length));

/**
 * How the public page presents the event: logo and banner, accent colour, the organizer and how
 * to reach them, and the documents buyers agree to (either link makes the portal ask).
 */
export function BrandingSettings(p: { event: OrganizerEvent; base: string; onSaved: () => void }) {
  const form = useSettingsForm('branding', LABELS);
  const b = p.event.branding;
  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const v = formValues(ev.currentTarget);
    const branding = Object.fromEntries(FIELDS.map((f) => [f, v.text(`branding.${f}`) || null]));
    void form.submit(async () => {
      await api(p.base, { method: 'PATCH', body: { branding } });
      p.onSaved();
    });
  };
  const value = (f: keyof typeof b) => b[f] ?? '';
  return (
    <section aria-labelledby="settings-branding" className="panel">
      <h2 id="settings-branding">Branding and consent</h2>
      <BrandingImages base={p.base} />
      {form.summary}
      <form key={p.event.updatedAt} onSubmit={submit} noValidate>
        <FormText
          form={form}
          name="branding.accentColor"
          hint="A colour like #1f4fd1 for buttons and the page's band; the text on it is black or white, whichever reads better."
          defaultValue={value('accentColor')}
        />
        <FormText form={form} name="branding.organizerName" defaultValue={value('organizerName')} />
        <div className="field-pair">
          <FormText
            form={form}
            name="branding.contactEmail"
            type="email"
            defaultValue={value('contactEmail')}
          />
          <FormText
            form={form}
            name="branding.contactPhone"
            type="tel"
            defaultValue={value('contactPhone')}
          />
        </div>
        <FormArea
          form={form}
          name="branding.contactAddress"
          defaultValue={value('contactAddress')}
        />
        <FormArea form={form} name="branding.imprint" defaultValue={value('imprint')} />
        <FormText
          form={form}
          name="branding.termsUrl"
          type="url"
          hint="With this or the privacy link, buyers must tick a box agreeing to them; the order records it."
          defaultValue={value('termsUrl')}
        />
        <FormText
          form={form}
          name="branding.privacyUrl"
          type="url"
          defaultValue={value('privacyUrl')}
        />
        <SaveButton form={form} label="Save branding" />
      </form>
    </section>
  );
}
