import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { SeatsContext } from '../use-seats.js';

/** "N seats left" or "Full — join the waitlist" for a session with signup; nothing otherwise. */
export function SeatsLeft({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const seats = useContext(SeatsContext).get(sessionId);
  if (!seats) return null;
  return (
    <p className={`agenda-seats${seats.left === 0 ? ' agenda-seats-full' : ''}`}>
      {seats.left === 0 ? t('agenda.seatsFull') : t('agenda.seatsLeft', { count: seats.left })}
    </p>
  );
}
