// The API's answers as the Settings section reads them (see docs/api.md).
import type { OrganizerEvent } from './types.js';

export interface EventSettings extends OrganizerEvent {
  description: string | null;
  paymentProvider: 'manual' | 'stripe';
  holdMinutes: number;
  waitlistOfferMinutes: number;
  maxTicketsPerEmail: number | null;
  updatedAt: string;
}

export interface TicketTypeSettings {
  id: string;
  name: string;
  description: string | null;
  priceCents: number;
  currency: string;
  quantity: number;
  maxPerOrder: number;
  salesStart: string | null;
  salesEnd: string | null;
  sold: number;
  held: number;
  updatedAt: string;
}

export interface Quota {
  id: string;
  name: string;
  size: number;
  used: number;
  ticketTypeIds: string[];
  updatedAt: string;
}

export interface Question {
  id: string;
  label: string;
  kind: 'text' | 'choice' | 'checkbox';
  required: boolean;
  options: string[];
  ticketTypeIds: string[] | null;
  position: number;
  updatedAt: string;
}

export interface PromoCode {
  id: string;
  code: string;
  discountKind: 'percent' | 'fixed';
  discountValue: number;
  maxUses: number | null;
  uses: number;
  validFrom: string | null;
  validUntil: string | null;
  ticketTypeIds: string[] | null;
  updatedAt: string;
}
