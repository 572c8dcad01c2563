/** An event's roles as the Team section names them. */
export const TEAM_ROLES = {
  owner: 'Owner: everything, including this team',
  organizer: 'Organizer: the event, its sales and attendees',
  viewer: 'Viewer: reports and attendee data, read only',
  staff: 'Staff: check-in, find a person, reprint',
  kiosk: 'Kiosk: check-in only',
} as const;
export type TeamRole = keyof typeof TEAM_ROLES;

/** An organizer account as GET /api/v1/accounts lists it. */
export interface TeamAccount {
  id: string;
  email: string;
  name: string;
  organizationAdmin: boolean;
  disabledAt: string | null;
  passwordSet: boolean;
}

/** The roles as a select's options. */
export const RoleOptions = () =>
  Object.entries(TEAM_ROLES).map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
