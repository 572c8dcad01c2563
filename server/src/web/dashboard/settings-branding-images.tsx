import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { EventImages } from '../../features/branding/schema.js';
import { ErrorSummary } from '../components/error-summary.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { useFormErrors } from './form-errors.js';

type Images = z.output<typeof EventImages>;
type Slot = keyof Images;

const SLOTS: Record<Slot, { label: string; hint: string }> = {
  logo: { label: 'Logo', hint: 'Shown beside the event name; a square or wide mark works best.' },
  banner: { label: 'Banner', hint: 'Across the top of the event page, about 1600 × 400 pixels.' },
};

/** The file as base64, without the data URL's prefix. */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });

/** The event's logo and banner: PNG, JPEG or WebP up to 512 KiB each, replaced or removed. */
export function BrandingImages({ base }: { base: string }) {
  const [images, reload] = useLoad(
    () => api<Images>(`${base}/images`, { cache: 'no-store' }),
    [base],
  );
  if (images.state === 'loading') return <Loading what="images" />;
  if (images.state === 'error') return <LoadError error={images.error} what="image list" />;
  return (
    <div className="branding-images">
      {(Object.keys(SLOTS) as Slot[]).map((slot) => (
        <ImageSlotForm
          key={slot}
          base={base}
          slot={slot}
          image={images.data[slot]}
          onChanged={reload}
        />
      ))}
    </div>
  );
}

function ImageSlotForm(p: {
  base: string;
  slot: Slot;
  image: Images[Slot];
  onChanged: () => void;
}) {
  const { label, hint } = SLOTS[p.slot];
  const field = `${p.slot}File`;
  const errors = useFormErrors({ [field]: label, data: label, contentType: label });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const run = async (work: () => Promise<unknown>, outcome: string) => {
    setBusy(true);
    setDone(undefined);
    errors.clear();
    try {
      await work();
      setDone(outcome);
      p.onChanged();
    } catch (err) {
      errors.show(err);
    }
    setBusy(false);
  };
  const upload = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get(field);
    if (!(file instanceof File) || file.size === 0) {
      errors.show(new Error('Choose an image file first.'));
      return;
    }
    void run(
      async () =>
        api(`${p.base}/images/${p.slot}`, {
          method: 'PUT',
          body: { contentType: file.type, data: await base64Of(file) },
        }),
      `${label} saved.`,
    );
  };
  const id = `branding-${field}`;
  return (
    <form onSubmit={upload} noValidate aria-labelledby={`${id}-heading`} className="branding-image">
      <h3 id={`${id}-heading`}>{label}</h3>
      <ErrorSummary items={errors.items.map((i) => ({ ...i, field: id }))} round={errors.round} />
      {done ? <Notice tone="success">{done}</Notice> : null}
      {p.image ? (
        <img
          src={p.image.url}
          alt={`Current ${label.toLowerCase()}`}
          className={`branding-preview-${p.slot}`}
        />
      ) : (
        <p className="hint">No {label.toLowerCase()} yet.</p>
      )}
      <div className="field">
        <label htmlFor={id}>Image file for the {label.toLowerCase()}</label>
        <p className="hint" id={`${id}-hint`}>
          {hint} PNG, JPEG or WebP, at most 512 KiB.
        </p>
        <input
          id={id}
          name={field}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-describedby={`${id}-hint`}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        Upload {label.toLowerCase()}
      </button>{' '}
      {p.image ? (
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() =>
            void run(
              () => api(`${p.base}/images/${p.slot}`, { method: 'DELETE' }),
              `${label} removed.`,
            )
          }
        >
          Remove {label.toLowerCase()}
        </button>
      ) : null}
    </form>
  );
}
