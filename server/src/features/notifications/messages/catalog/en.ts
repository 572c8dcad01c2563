import { ENGLISH_CHANGES } from '../../../scheduling/change-lines.js';
import type { Catalog } from './catalog.js';

/** English. Another language is one more file like this one. */
export const en: Catalog = {
  greeting: (name) => `Hello ${name},`,
  openLink: 'Open in the portal',
  ticketsHeading: 'Your tickets',
  ticketLine: (t) => `${t.ticketTypeName} — ${t.holderName}`,
  ticketAttachmentNote: 'Each ticket is attached as a PDF; show its QR code at the entrance.',
  calendarNote: 'The attached calendar file adds the event to your calendar.',
  invoiceNote: (number) => `Invoice ${number} is attached as a PDF.`,
  when: (event, dates) => `${event.name}, ${dates}${event.venue ? `, ${event.venue}` : ''}`,
  reasonLine: (reason) => ` Reason: ${reason}`,
  footer: (event) => `You get this mail because of your registration for ${event.name}.`,
  noteLine: (note) => `The organizers' note: ${note}`,
  changes: ENGLISH_CHANGES,
  kinds: {
    schedule_changed: {
      subject: (d) => `The programme of ${d.event.name} changed`,
      intro: () => 'Sessions in your agenda have changed:',
    },
    schedule_speaker_changed: {
      subject: (d) => `Your sessions at ${d.event.name} changed`,
      intro: () => 'The published programme changed for your sessions:',
    },
    session_signup_promoted: {
      subject: (d) => `You have a place in ${d.sessionTitle}`,
      intro: (d) =>
        `A place came free in ${d.sessionTitle} and it is yours now: you were first on its waitlist.`,
    },
    order_confirmed: {
      subject: (d) => `Your tickets for ${d.event.name}`,
      intro: () => 'Thank you for registering. Your order is confirmed; your tickets are below.',
    },
    order_pending_payment: {
      subject: (d) => `Complete your payment for ${d.event.name}`,
      intro: (d) =>
        `Your order is reserved. Please pay ${d.amount} to confirm it; the link below shows how.` +
        (d.expiresAt ? ` The reservation is held until ${d.expiresAt}.` : ''),
    },
    payment_received: {
      subject: (d) => `Payment received — your tickets for ${d.event.name}`,
      intro: (d) =>
        `We received your payment of ${d.amount}. Your order is confirmed; your tickets are below.`,
    },
    order_cancelled: {
      subject: (d) => `Your order for ${d.event.name} is cancelled`,
      intro: (d) =>
        `Your order has been cancelled and its tickets are no longer valid.${d.reasonLine}`,
    },
    refund_issued: {
      subject: (d) => `Refund issued for ${d.event.name}`,
      intro: (d) => `We issued a refund of ${d.amount} for your order.${d.reasonLine}`,
    },
    waitlist_joined: {
      subject: (d) => `You are on the waiting list for ${d.event.name}`,
      intro: (d) =>
        `You are number ${d.position} on the waiting list. We will mail you when a place is free for you.`,
    },
    waitlist_offer: {
      subject: (d) => `A place is free for you at ${d.event.name}`,
      intro: (d) =>
        `A place is free for you. Claim it before ${d.expiresAt}; after that it goes to the next person.`,
    },
    waitlist_offer_expired: {
      subject: (d) => `Your offer for ${d.event.name} has expired`,
      intro: () =>
        'The place offered to you was not claimed in time and has passed to the next person.',
    },
    ticket_transferred: {
      subject: (d) => `A ticket for ${d.event.name} was passed to you`,
      intro: () => 'A ticket was transferred to you. It is below and attached.',
    },
    ticket_transferred_away: {
      subject: (d) => `Your ticket for ${d.event.name} was transferred`,
      intro: () =>
        'Your ticket was transferred to someone else; its old QR code no longer admits anyone.',
    },
    ticket_reissued: {
      subject: (d) => `Your new ticket for ${d.event.name}`,
      intro: () =>
        'Your ticket was reissued. Use the new one below; the old QR code no longer admits anyone.',
    },
    ticket_revoked: {
      subject: (d) => `Your ticket for ${d.event.name} was revoked`,
      intro: (d) => `Your ticket was revoked and no longer admits anyone.${d.reasonLine}`,
    },
    tickets_again: {
      subject: (d) => `Your links for ${d.event.name}`,
      intro: () => 'You asked for your tickets again. Each link below opens one of your orders.',
    },
    organizer_message: {
      subject: (d) => d.subject,
      intro: (d) => d.body,
    },
  },
  notices: {
    webhook_endpoint_disabled: {
      subject: () => 'A webhook endpoint was disabled',
      paragraphs: (d) => [
        `Lanyard stopped sending to the webhook endpoint ${d.url}: ${
          d.reason === 'failing'
            ? `no delivery to it has succeeded${d.failingSince ? ` since ${d.failingSince}` : ''}, five days and more.`
            : 'it answered 410 Gone.'
        }`,
        'Its messages are kept and wait for it. Once the receiver works again, enable the endpoint in the dashboard and they are sent, oldest first.',
      ],
      link: 'Open the webhooks in the dashboard',
      footer: (d) => `You get this mail as an administrator of ${d.organization} on Lanyard.`,
    },
    account_invite: {
      subject: (d) => `You are invited to ${d.organization} on Lanyard`,
      paragraphs: (d) => [
        `You have been invited to work with ${d.organization} on Lanyard. Choose your password with the link below, then sign in to the dashboard with this email address.`,
        `The link works once, until ${d.expiresAt}. If it has expired, ask the person who invited you for a new one.`,
      ],
      link: 'Set your password',
      footer: (d) =>
        `You get this mail because an administrator of ${d.organization} invited this address. If you did not expect it, ignore it.`,
    },
    password_reset: {
      subject: () => 'Set a new Lanyard password',
      paragraphs: (d) => [
        'Someone asked to set a new password for your Lanyard account. Choose it with the link below; your current password works until you do.',
        `The link works once, until ${d.expiresAt}.`,
      ],
      link: 'Set a new password',
      footer: () => 'If you did not ask for this, ignore this mail; nothing changes.',
    },
  },
  sms: {
    order_confirmed: (d) => `${d.event.name}: ${d.name}, your order is confirmed. Your tickets:`,
    payment_received: (d) =>
      `${d.event.name}: ${d.name}, we received ${d.amount}. Your order is confirmed. Your tickets:`,
    order_pending_payment: (d) =>
      `${d.event.name}: ${d.name}, please pay ${d.amount} to confirm your order` +
      (d.expiresAt ? ` by ${d.expiresAt}:` : ':'),
    order_cancelled: (d) => `${d.event.name}: ${d.name}, your order was cancelled.${d.reasonLine}`,
    refund_issued: (d) => `${d.event.name}: ${d.name}, we refunded ${d.amount}.${d.reasonLine}`,
    waitlist_joined: (d) =>
      `${d.event.name}: ${d.name}, you are number ${d.position} on the waiting list.`,
    waitlist_offer: (d) =>
      `${d.event.name}: ${d.name}, a place is free for you. Claim it before ${d.expiresAt}:`,
    waitlist_offer_expired: (d) =>
      `${d.event.name}: ${d.name}, the place offered to you was not claimed in time.`,
    schedule_changed: (d) =>
      `${d.event.name}: ${d.name}, changes to your programme: ${d.changes}. Your programme:`,
    session_signup_promoted: (d) =>
      `${d.event.name}: ${d.name}, a place came free in ${d.sessionTitle} and it is yours now:`,
  },
  smsChanges: {
    cancelled: (title) => `${title} is cancelled`,
    moved: (title, _from, to) => `${title} now ${to}`,
    added: (title, at) => `New: ${title}, ${at}`,
    renamed: (from, to) => `${from} is now ${to}`,
    speakersChanged: (title) => `${title} has new speakers`,
    notPlaced: 'off the programme',
  },
  smsMore: (count) => ` (+${count} more)`,
};
