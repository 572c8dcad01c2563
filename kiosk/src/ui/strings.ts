import { de } from './strings-de.js';

/**
 * Every word the kiosk shows or reads aloud, in one place, so a translation is one file
 * (strings-de.ts is German). Functions take what varies; nothing else in the UI holds user-facing
 * text.
 */
const en = {
  appTitle: 'Lanyard check-in',
  defaultEventName: 'Welcome',
  idle: {
    heading: (eventName: string) => eventName,
    instructions: 'Hold your ticket’s QR code under the scanner.',
    instructionsCamera: 'Hold your ticket’s QR code up to the camera.',
    hint: 'Your badge prints right away.',
    hintNoPrinter: 'Staff at the desk will hand you your badge.',
  },
  answer: {
    welcome: (name: string) => `Welcome, ${name}`,
    welcomeAnonymous: 'Welcome!',
    goodbye: (name: string) => `Goodbye, ${name}`,
    goodbyeAnonymous: 'Goodbye!',
    admittedDetail: 'You are checked in. Enjoy the event.',
    offlineNote: 'Checked offline; it will be confirmed when the network is back.',
    refusedTitle: 'Not admitted',
    seeStaff: 'Please see the staff at the desk.',
    alreadyCheckedIn: (time: string | null, gate: string | null) =>
      `This ticket was already checked in${time ? ` at ${time}` : ''}${gate ? ` at gate ${gate}` : ''}.`,
    reasons: {
      revoked: 'This ticket has been revoked.',
      superseded: 'This ticket was replaced by a newer one. Please show your latest ticket.',
      wrong_event: 'This ticket is for a different event.',
      not_valid_yet: 'This ticket is not valid yet.',
      expired: 'This ticket has expired.',
      malformed: 'This is not a ticket code.',
      unknown_key: 'This ticket could not be verified.',
      bad_signature: 'This ticket could not be verified.',
      unknown_ticket: 'This ticket is not known to this kiosk yet.',
      not_on_list: 'This ticket does not give entry here.',
      outside_window: 'Check-in is not open at this time.',
      not_checked_in: 'This ticket has not been checked in.',
      no_session_now: 'There is no session in this room at this time.',
      not_signed_up: 'Not signed up for this session.',
      no_list: 'This kiosk is not ready yet: it has no check-in list.',
      invalid: 'This ticket is not valid.',
    } as Record<string, string>,
    scanFailed: 'The scan could not be checked. Please try again.',
  },
  print: {
    queued: 'Your badge is next in line…',
    printing: 'Printing your badge…',
    printed: 'Your badge is ready. Please take it from the printer.',
    failed: 'Your badge could not be printed. Please see the staff at the desk.',
    retrying: 'The printer needs a moment; trying again…',
  },
  status: {
    label: 'Kiosk status',
    online: 'Online',
    offline: 'Offline',
    agentLost: 'Kiosk agent not answering',
    queued: (n: number) => (n === 1 ? '1 scan to upload' : `${n} scans to upload`),
    lastSync: (when: string) => `Last sync ${when}`,
    neverSynced: 'Never synced',
    printerReady: 'Printer ready',
    printerProblem: (problems: string) => `Printer: ${problems}`,
    printerUnknown: 'Printer: checking…',
    noPrinter: 'No printer',
    scannerReady: (names: string) => `Scanner: ${names}`,
    scannerNone: 'Scanner: keyboard input',
    scannerCamera: 'Scanner: camera',
    scannerProblem: (problem: string) => `Scanner: ${problem}`,
  },
  printerAttention: {
    heading: 'The badge printer needs attention',
    problems: 'What the printer says:',
    /** What to do for each problem a printer reports (hardware.md lists them). */
    fixes: {
      'paper out': 'Load a new roll of badge labels, then close the lid.',
      'head open': 'Close the print head: press the lid down until it clicks.',
      'ribbon out': 'Put in a new ribbon.',
      paused: 'Press the pause button on the printer once.',
      'buffer full': 'Wait a minute: the printer is still busy with earlier badges.',
      'head too hot': 'Let the printer cool down for a few minutes.',
      'head too cold': 'Wait for the printer to warm up.',
      'queue disabled': 'Ask the technician to enable the print queue again (cupsenable).',
      'queue not found': 'Ask the technician to check the printer setting of this kiosk.',
    } as Record<string, string>,
    /** When no problem has its own fix. */
    steps: [
      'Check that the printer is switched on and its cable is plugged in.',
      'Open the printer and check the label roll and ribbon; close the lid firmly.',
      'Press the printer’s feed or pause button once.',
    ],
    stillAdmitting:
      'Check-in still works: scan tickets as usual. Badges print once the printer is back.',
  },
  staff: {
    open: 'Staff',
    openLabel: 'Open staff mode (PIN required)',
    pinHeading: 'Staff PIN',
    pinLabel: 'Enter the staff PIN',
    pinSubmit: 'Unlock',
    pinCancel: 'Cancel',
    wrongPin: 'That PIN is not right.',
    locked: (seconds: number) => `Too many wrong PINs. Try again in ${seconds} seconds.`,
    lockedOut: 'Staff mode is locked after 10 wrong PINs. Restart the kiosk to unlock it.',
    heading: 'Staff mode',
    close: 'Back to self-service',
    searchLabel: 'Search attendees by name',
    searchPlaceholder: 'Name',
    noMatches: 'No attendee matches.',
    revoked: 'revoked',
    manualHeading: 'Manual check-in',
    manualLabel: 'Type or scan the ticket code',
    manualSubmit: 'Check in',
    undo: 'Undo last check-in',
    undoDone: (name: string) => `Check-in of ${name} annulled: the ticket may enter again.`,
    undoNothing: 'Nothing to undo: the last scan let nobody in.',
    undoOffline: 'Undo needs the server; try again when the kiosk is online.',
    undoTooLate: 'Too late to undo here: ask an organizer to annul it on the dashboard.',
    reprint: 'Reprint badge',
    reprintFor: (name: string) => `Reprint badge for ${name}`,
    reasonLabel: 'Why is the badge reprinted?',
    reasonPlaceholder: 'e.g. name misspelled, badge lost',
    reprintSubmit: 'Print',
    reprintQueued: (name: string) => `Reprint for ${name} sent to the printer.`,
    reprintUnknown: 'This kiosk has not scanned that ticket yet: scan it once to print its badge.',
    reprintNoPrinter: 'No printer is set on this kiosk.',
    sessionEnded: 'Staff mode ended. Enter the PIN again.',
    recentPrints: 'Recent prints',
    printKind: { admit: 'on admit', reprint: 'reprint' } as Record<string, string>,
    printState: {
      queued: 'queued',
      printing: 'printing',
      printed: 'printed',
      failed: 'failed',
    } as Record<string, string>,
  },
  scannerInput: 'Ticket scanner input',
  camera: {
    preview: 'Camera: hold your ticket’s QR code up to it',
  },
};

/** A kiosk catalog: every key of the English one, which the type makes each language have. */
export type KioskStrings = typeof en;

/** Every language the kiosk speaks. */
export const CATALOGS: Record<string, KioskStrings> = { en, de };

/** The words the screens show now: English until speak() chose the kiosk's language. */
export let strings: KioskStrings = en;

/**
 * Shows the kiosk in `lang` (the kiosk's own setting, else the event's default language), or in
 * English when there is no such catalog; returns the language chosen.
 */
export function speak(lang: string | null | undefined): string {
  const chosen = lang && CATALOGS[lang] ? lang : 'en';
  strings = CATALOGS[chosen]!;
  document.documentElement.lang = chosen;
  document.title = strings.appTitle;
  return chosen;
}
