import { useEffect, useState } from 'react';
import { fetchBlob } from '../api.js';

/**
 * The ticket's QR code, fetched with the access key in a header and shown from a blob: URL. Its
 * box has a fixed size before the image arrives, so nothing below it moves when it loads.
 */
export function QrCode({
  ticketId,
  accessKey,
  label,
}: {
  ticketId: string;
  accessKey: string | null;
  label: string;
}) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    setSrc(null);
    setFailed(false);
    fetchBlob(`/api/v1/tickets/${encodeURIComponent(ticketId)}/qr.svg`, accessKey).then(
      (blob) => {
        if (!live) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [ticketId, accessKey]);
  return (
    <div className="qr-box" data-testid="ticket-qr">
      {src ? (
        <img src={src} alt={label} width={280} height={280} />
      ) : (
        <span className="qr-placeholder" role="status">
          {failed
            ? 'The QR code could not be loaded. Reload the page to try again.'
            : 'Loading QR code…'}
        </span>
      )}
    </div>
  );
}
