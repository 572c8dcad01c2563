import type { Catalog } from './catalog.js';

/** German, in the "Sie" form. Every key of the English catalog, the type makes sure of it. */
export const de: Catalog = {
  greeting: (name) => `Guten Tag ${name},`,
  openLink: 'Im Portal öffnen',
  ticketsHeading: 'Ihre Tickets',
  ticketLine: (t) => `${t.ticketTypeName} — ${t.holderName}`,
  ticketAttachmentNote: 'Jedes Ticket liegt als PDF bei; zeigen Sie seinen QR-Code am Eingang vor.',
  calendarNote:
    'Mit der beigefügten Kalenderdatei tragen Sie die Veranstaltung in Ihren Kalender ein.',
  invoiceNote: (number) => `Die Rechnung ${number} liegt als PDF bei.`,
  when: (event, dates) => `${event.name}, ${dates}${event.venue ? `, ${event.venue}` : ''}`,
  reasonLine: (reason) => ` Grund: ${reason}`,
  footer: (event) => `Sie erhalten diese E-Mail, weil Sie sich für ${event.name} angemeldet haben.`,
  noteLine: (note) => `Hinweis der Veranstalter: ${note}`,
  changes: {
    cancelled: (title) => `Abgesagt: ${title}`,
    moved: (title, from, to) => `Verlegt: ${title}, ${from} → ${to}`,
    added: (title, at) => `Neu: ${title}, ${at}`,
    renamed: (from, to) => `Umbenannt: ${from} → ${to}`,
    speakersChanged: (title) => `Vortragende geändert: ${title}`,
    notPlaced: 'noch nicht eingeplant',
  },
  kinds: {
    schedule_changed: {
      subject: (d) => `Das Programm von ${d.event.name} hat sich geändert`,
      intro: () => 'Sitzungen in Ihrer Agenda haben sich geändert:',
    },
    schedule_speaker_changed: {
      subject: (d) => `Ihre Sitzungen bei ${d.event.name} haben sich geändert`,
      intro: () => 'Das veröffentlichte Programm hat sich für Ihre Sitzungen geändert:',
    },
    session_signup_promoted: {
      subject: (d) => `Sie haben einen Platz in ${d.sessionTitle}`,
      intro: (d) =>
        `In ${d.sessionTitle} ist ein Platz frei geworden, und er gehört jetzt Ihnen: Sie standen als Erste oder Erster auf der Warteliste.`,
    },
    order_confirmed: {
      subject: (d) => `Ihre Tickets für ${d.event.name}`,
      intro: () =>
        'Vielen Dank für Ihre Anmeldung. Ihre Bestellung ist bestätigt; Ihre Tickets finden Sie unten.',
    },
    order_pending_payment: {
      subject: (d) => `Bitte schließen Sie Ihre Zahlung für ${d.event.name} ab`,
      intro: (d) =>
        `Ihre Bestellung ist reserviert. Bitte zahlen Sie ${d.amount}, um sie zu bestätigen; der Link unten zeigt, wie.` +
        (d.expiresAt ? ` Die Reservierung gilt bis ${d.expiresAt}.` : ''),
    },
    payment_received: {
      subject: (d) => `Zahlung erhalten — Ihre Tickets für ${d.event.name}`,
      intro: (d) =>
        `Wir haben Ihre Zahlung über ${d.amount} erhalten. Ihre Bestellung ist bestätigt; Ihre Tickets finden Sie unten.`,
    },
    order_cancelled: {
      subject: (d) => `Ihre Bestellung für ${d.event.name} wurde storniert`,
      intro: (d) =>
        `Ihre Bestellung wurde storniert; ihre Tickets sind nicht mehr gültig.${d.reasonLine}`,
    },
    refund_issued: {
      subject: (d) => `Erstattung für ${d.event.name}`,
      intro: (d) => `Wir haben Ihnen ${d.amount} für Ihre Bestellung erstattet.${d.reasonLine}`,
    },
    waitlist_joined: {
      subject: (d) => `Sie stehen auf der Warteliste für ${d.event.name}`,
      intro: (d) =>
        `Sie sind Nummer ${d.position} auf der Warteliste. Sobald ein Platz für Sie frei wird, schreiben wir Ihnen.`,
    },
    waitlist_offer: {
      subject: (d) => `Ein Platz bei ${d.event.name} ist für Sie frei`,
      intro: (d) =>
        `Ein Platz ist für Sie frei. Sichern Sie ihn sich bis ${d.expiresAt}; danach geht er an die nächste Person.`,
    },
    waitlist_offer_expired: {
      subject: (d) => `Ihr Angebot für ${d.event.name} ist abgelaufen`,
      intro: () =>
        'Der Ihnen angebotene Platz wurde nicht rechtzeitig angenommen und ist an die nächste Person gegangen.',
    },
    ticket_transferred: {
      subject: (d) => `Ein Ticket für ${d.event.name} wurde an Sie übertragen`,
      intro: () => 'Ein Ticket wurde an Sie übertragen. Sie finden es unten und im Anhang.',
    },
    ticket_transferred_away: {
      subject: (d) => `Ihr Ticket für ${d.event.name} wurde übertragen`,
      intro: () =>
        'Ihr Ticket wurde an eine andere Person übertragen; sein alter QR-Code gewährt keinen Einlass mehr.',
    },
    ticket_reissued: {
      subject: (d) => `Ihr neues Ticket für ${d.event.name}`,
      intro: () =>
        'Ihr Ticket wurde neu ausgestellt. Verwenden Sie das neue Ticket unten; der alte QR-Code gewährt keinen Einlass mehr.',
    },
    ticket_revoked: {
      subject: (d) => `Ihr Ticket für ${d.event.name} wurde gesperrt`,
      intro: (d) => `Ihr Ticket wurde gesperrt und gewährt keinen Einlass mehr.${d.reasonLine}`,
    },
    tickets_again: {
      subject: (d) => `Ihre Links für ${d.event.name}`,
      intro: () =>
        'Sie haben Ihre Tickets erneut angefordert. Jeder Link unten öffnet eine Ihrer Bestellungen.',
    },
    organizer_message: {
      subject: (d) => d.subject,
      intro: (d) => d.body,
    },
  },
  notices: {
    webhook_endpoint_disabled: {
      subject: () => 'Ein Webhook-Endpunkt wurde deaktiviert',
      paragraphs: (d) => [
        `Lanyard sendet nicht mehr an den Webhook-Endpunkt ${d.url}: ${
          d.reason === 'failing'
            ? `seit ${d.failingSince ? `${d.failingSince}, also ` : ''}fünf Tagen oder länger war keine Zustellung erfolgreich.`
            : 'er hat mit 410 Gone geantwortet.'
        }`,
        'Seine Nachrichten bleiben erhalten und warten auf ihn. Sobald der Empfänger wieder funktioniert, aktivieren Sie den Endpunkt im Dashboard; dann werden sie gesendet, die älteste zuerst.',
      ],
      link: 'Webhooks im Dashboard öffnen',
      footer: (d) =>
        `Sie erhalten diese E-Mail als Administrator von ${d.organization} bei Lanyard.`,
    },
    account_invite: {
      subject: (d) => `Einladung zu ${d.organization} bei Lanyard`,
      paragraphs: (d) => [
        `Sie wurden eingeladen, bei Lanyard mit ${d.organization} zu arbeiten. Wählen Sie über den Link unten Ihr Passwort und melden Sie sich dann mit dieser E-Mail-Adresse im Dashboard an.`,
        `Der Link funktioniert einmal, bis ${d.expiresAt}. Ist er abgelaufen, bitten Sie die Person, die Sie eingeladen hat, um einen neuen.`,
      ],
      link: 'Passwort festlegen',
      footer: (d) =>
        `Sie erhalten diese E-Mail, weil ein Administrator von ${d.organization} diese Adresse eingeladen hat. Wenn Sie sie nicht erwartet haben, ignorieren Sie sie.`,
    },
    password_reset: {
      subject: () => 'Neues Lanyard-Passwort festlegen',
      paragraphs: (d) => [
        'Jemand hat ein neues Passwort für Ihr Lanyard-Konto angefordert. Wählen Sie es über den Link unten; Ihr bisheriges Passwort gilt, bis Sie das tun.',
        `Der Link funktioniert einmal, bis ${d.expiresAt}.`,
      ],
      link: 'Neues Passwort festlegen',
      footer: () =>
        'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; es ändert sich nichts.',
    },
  },
  // Umlauts and ß are in the GSM-7 alphabet: they cost no more than any other letter.
  sms: {
    order_confirmed: (d) =>
      `${d.event.name}: ${d.name}, Ihre Bestellung ist bestätigt. Ihre Tickets:`,
    payment_received: (d) =>
      `${d.event.name}: ${d.name}, wir haben ${d.amount} erhalten. Ihre Bestellung ist bestätigt. Ihre Tickets:`,
    order_pending_payment: (d) =>
      `${d.event.name}: ${d.name}, bitte zahlen Sie ${d.amount}, um Ihre Bestellung zu bestaetigen` +
      (d.expiresAt ? ` (bis ${d.expiresAt}):` : ':'),
    order_cancelled: (d) =>
      `${d.event.name}: ${d.name}, Ihre Bestellung wurde storniert.${d.reasonLine}`,
    refund_issued: (d) =>
      `${d.event.name}: ${d.name}, wir haben ${d.amount} erstattet.${d.reasonLine}`,
    waitlist_joined: (d) =>
      `${d.event.name}: ${d.name}, Sie sind Nummer ${d.position} auf der Warteliste.`,
    waitlist_offer: (d) =>
      `${d.event.name}: ${d.name}, ein Platz ist für Sie frei. Sichern Sie ihn sich bis ${d.expiresAt}:`,
    waitlist_offer_expired: (d) =>
      `${d.event.name}: ${d.name}, der Ihnen angebotene Platz wurde nicht rechtzeitig angenommen.`,
    schedule_changed: (d) =>
      `${d.event.name}: ${d.name}, Änderungen in Ihrem Programm: ${d.changes}. Zum Programm:`,
    session_signup_promoted: (d) =>
      `${d.event.name}: ${d.name}, in ${d.sessionTitle} ist ein Platz frei geworden, er gehört jetzt Ihnen:`,
  },
  smsChanges: {
    cancelled: (title) => `${title} entfällt`,
    moved: (title, _from, to) => `${title} jetzt ${to}`,
    added: (title, at) => `Neu: ${title}, ${at}`,
    renamed: (from, to) => `${from} heißt jetzt ${to}`,
    speakersChanged: (title) => `${title} mit anderen Vortragenden`,
    notPlaced: 'nicht mehr im Programm',
  },
  smsMore: (count) => ` (+${count} weitere)`,
};
