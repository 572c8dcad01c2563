import { useContext } from 'react';
import { SeatsContext } from '../use-seats.js';

// The programme's words about seats, together so they move into a catalog as one.
export const SEAT_WORDS = {
  left: (n: number) => (n === 1 ? '1 seat left' : `${n} seats left`),
  full: 'Full — join the waitlist',
};

/** "N seats left" or "Full — join the waitlist" for a session with signup; nothing otherwise. */
export function SeatsLeft({ sessionId }: { sessionId: string }) {
  const seats = useContext(SeatsContext).get(sessionId);
  if (!seats) return null;
  return (
    <p className={`agenda-seats${seats.left === 0 ? ' agenda-seats-full' : ''}`}>
      {seats.left === 0 ? SEAT_WORDS.full : SEAT_WORDS.left(seats.left)}
    </p>
  );
}
