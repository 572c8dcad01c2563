import { buildIcs, type CalendarEntry } from '@lanyard/core/browser';
import { useTranslation } from 'react-i18next';

/** Downloads an .ics file made in the browser; nothing is sent to the server. */
export function CalendarButton({ entry, fileName }: { entry: CalendarEntry; fileName: string }) {
  const { t } = useTranslation();
  const download = () => {
    const blob = new Blob([buildIcs(entry)], { type: 'text/calendar;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" className="button button-secondary" onClick={download}>
      {t('ticket.addToCalendar')}
    </button>
  );
}

/** A file name from an event name: letters, digits and dashes only. */
export const icsFileName = (name: string) =>
  `${
    name
      .normalize('NFKD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'event'
  }.ics`;
