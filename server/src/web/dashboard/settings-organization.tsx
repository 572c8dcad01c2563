import { useState, type FormEvent } from 'react';
import { LoadError, Loading } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { FormArea, FormText, SaveButton, formValues, useSettingsForm } from './settings-form.js';

interface Organization {
  name: string;
  legalName: string | null;
  address: string | null;
  vatId: string | null;
}

const LABELS = {
  legalName: 'Legal name',
  address: 'Address',
  vatId: 'VAT id',
};

/**
 * The organizer's legal details, printed on every invoice from now on (invoices issued before
 * keep theirs). They belong to the organization, so every event's settings show the same ones.
 */
export function OrganizationSettings() {
  const [round, setRound] = useState(0);
  const [org] = useLoad(() => api<Organization>('/api/v1/organization'), [round]);
  const form = useSettingsForm('organization', LABELS);
  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const v = formValues(ev.currentTarget);
    void form.submit(async () => {
      await api('/api/v1/organization', {
        method: 'PATCH',
        body: {
          legalName: v.text('legalName'),
          address: v.text('address'),
          vatId: v.text('vatId'),
        },
      });
      setRound((n) => n + 1);
    });
  };
  return (
    <section aria-labelledby="settings-organization" className="panel">
      <h2 id="settings-organization">Invoicing details</h2>
      <p className="hint">
        Printed on invoices and credit notes of every event of your organization.
      </p>
      {org.state === 'loading' ? <Loading what="organization" /> : null}
      {org.state === 'error' ? <LoadError error={org.error} what="organization" /> : null}
      {org.state === 'ok' ? (
        <>
          {form.summary}
          <form onSubmit={submit} noValidate>
            <FormText
              form={form}
              name="legalName"
              hint={`Empty: ${org.data.name}`}
              maxLength={200}
              defaultValue={org.data.legalName ?? ''}
            />
            <FormArea
              form={form}
              name="address"
              hint="Street, postcode and town, country"
              defaultValue={org.data.address ?? ''}
            />
            <FormText form={form} name="vatId" maxLength={50} defaultValue={org.data.vatId ?? ''} />
            <SaveButton form={form} label="Save invoicing details" />
          </form>
        </>
      ) : null}
    </section>
  );
}
