import type { ReactNode } from 'react';
import { Link } from './link.js';
import { AttendeesSection } from './attendees-section.js';
import { AuditSection } from './audit-section.js';
import { CheckinSection } from './checkin-section.js';
import { DevicesSection } from './devices-section.js';
import { MessagesSection } from './messages-section.js';
import { OrdersSection } from './orders-section.js';
import { ReportsSection } from './reports-section.js';
import { ScheduleSection } from './schedule-section.js';
import { EventOverview } from './overview-section.js';
import { SettingsSection } from './settings-section.js';
import { TeamSection } from './team-section.js';
import type { OrganizerEvent } from './types.js';

/** What every section of an event's dashboard is given. */
export interface SectionProps {
  event: OrganizerEvent;
  /** The event's API path, `/api/v1/events/{id}`. */
  base: string;
  /** The path's last part, for sections with a page per item (an attendee's ticket id). */
  item: string | undefined;
  /** Reloads the event itself, after a change to its name, dates or status. */
  reloadEvent: () => void;
}

interface Section {
  /** The path part after `/dashboard/events/{id}/`; '' is the overview. */
  path: string;
  label: string;
  /** The page title's prefix; the overview has none. */
  title: string | undefined;
  render(p: SectionProps): ReactNode;
}

const SECTIONS: Section[] = [
  { path: '', label: 'Sales', title: undefined, render: (p) => <EventOverview {...p} /> },
  { path: 'orders', label: 'Orders', title: 'Orders', render: (p) => <OrdersSection {...p} /> },
  {
    path: 'attendees',
    label: 'Attendees',
    title: 'Attendees',
    render: (p) => <AttendeesSection {...p} />,
  },
  {
    path: 'checkin',
    label: 'Check-in',
    title: 'Check-in',
    render: (p) => <CheckinSection {...p} />,
  },
  {
    path: 'schedule',
    label: 'Schedule',
    title: 'Schedule',
    render: (p) => <ScheduleSection {...p} />,
  },
  {
    path: 'reports',
    label: 'Reports',
    title: 'Reports',
    render: (p) => <ReportsSection {...p} />,
  },
  {
    path: 'messages',
    label: 'Messages',
    title: 'Messages',
    render: (p) => <MessagesSection {...p} />,
  },
  { path: 'devices', label: 'Devices', title: 'Devices', render: (p) => <DevicesSection {...p} /> },
  { path: 'team', label: 'Team', title: 'Team', render: (p) => <TeamSection {...p} /> },
  { path: 'audit', label: 'Audit log', title: 'Audit log', render: (p) => <AuditSection {...p} /> },
  {
    path: 'settings',
    label: 'Settings',
    title: 'Settings',
    render: (p) => <SettingsSection {...p} />,
  },
];

export const sectionOf = (path: string): Section | undefined =>
  SECTIONS.find((s) => s.path === path);

export const sectionPath = (eventId: string, section: string, item?: string) =>
  `/dashboard/events/${encodeURIComponent(eventId)}${section ? `/${section}` : ''}${
    item === undefined ? '' : `/${encodeURIComponent(item)}`
  }`;

/** The event's sections as tabs; the current one is marked for assistive technology. */
export function SectionNav({ eventId, current }: { eventId: string; current: string }) {
  return (
    <nav aria-label="Event sections" className="section-nav">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.path}>
            <Link to={sectionPath(eventId, s.path)} current={s.path === current}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
