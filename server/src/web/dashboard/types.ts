// The API's answers as the dashboard reads them: the server's response schemas, imported as
// types only, so neither zod nor server code reaches the bundle.
import type { z } from 'zod';
import type { EventPage as EventPageSchema } from '../../features/events/schema.js';

// Named apart from the DOM's `Event`, which the components also use.
export type { Event as OrganizerEvent, TicketType } from '../../features/events/schema.js';
export type EventPage = z.output<typeof EventPageSchema>;
