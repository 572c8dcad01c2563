// The API's answers as the dashboard reads them (see docs/api.md).

export interface OrganizerEvent {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  venue: string | null;
  status: string;
}

export interface TicketType {
  id: string;
  name: string;
  priceCents: number;
  currency: string;
  quantity: number;
}
