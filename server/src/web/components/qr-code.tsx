import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchBlob } from '../api.js';
import { crispSize } from '../lib/crisp-size.js';

interface Loaded {
  url: string;
  /** Modules per side, quiet zone included (the SVG's viewBox). */
  modules: number | null;
}

/**
 * The ticket's QR code, fetched with the access key in a header and shown from a blob: URL. Its
 * box has a fixed size before the image arrives, so nothing below it moves when it loads. The
 * code is drawn at a whole number of pixels per module: fractional modules blur their edges,
 * which scanners (and a screenshot decoded in the tests) read less reliably.
 */
export function QrCode({
  ticketId,
  accessKey,
  label,
  load = (path) => fetchBlob(path, accessKey),
}: {
  ticketId: string;
  accessKey: string | null;
  label: string;
  /** Fetches the image; the dashboard's sends the organizer's token instead of a key. */
  load?: (path: string) => Promise<Blob>;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    setLoaded(null);
    setFailed(false);
    load(`/api/v1/tickets/${encodeURIComponent(ticketId)}/qr.svg`)
      .then(async (blob) => {
        const viewBox = /viewBox="0 0 (\d+) \d+"/.exec(await blob.text());
        if (!live) return;
        url = URL.createObjectURL(blob);
        setLoaded({ url, modules: viewBox ? Number(viewBox[1]) : null });
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [ticketId, accessKey]);
  const size = loaded ? crispSize(box.current?.clientWidth ?? 280, loaded.modules) : 0;
  return (
    <div className="qr-box" data-testid="ticket-qr" ref={box}>
      {loaded ? (
        <img src={loaded.url} alt={label} width={size} height={size} />
      ) : (
        <span className="qr-placeholder" role="status">
          {failed ? t('ticket.qrFailed') : t('ticket.qrLoading')}
        </span>
      )}
    </div>
  );
}
