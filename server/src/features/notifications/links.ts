/** Links a mail carries; the access key or one-time token is the only secret in them. */
export interface Links {
  order(orderId: string, key: string | undefined): string | undefined;
  ticket(ticketId: string, key: string | undefined): string | undefined;
  waitlist(entryId: string, key: string | undefined): string | undefined;
  /** The ticket's programme in the portal, or one session of it. */
  agenda(ticketId: string, key: string | undefined, sessionId?: string): string | undefined;
  /** The dashboard's webhooks page, for administrators. */
  webhooks: string;
  /** The page where a team member sets their password with a one-time link's token. */
  setPassword(token: string): string;
}

export function portalLinks(publicUrl: string): Links {
  const keyed = (prefix: 'o' | 't' | 'w') => (id: string, key: string | undefined) =>
    key
      ? `${publicUrl}/${prefix}/${encodeURIComponent(id)}?key=${encodeURIComponent(key)}`
      : undefined;
  return {
    order: keyed('o'),
    ticket: keyed('t'),
    waitlist: keyed('w'),
    agenda: (ticketId, key, sessionId) =>
      key
        ? `${publicUrl}/t/${encodeURIComponent(ticketId)}/agenda?key=${encodeURIComponent(key)}${
            sessionId ? `&session=${encodeURIComponent(sessionId)}` : ''
          }`
        : undefined,
    webhooks: `${publicUrl}/dashboard/webhooks`,
    setPassword: (token) => `${publicUrl}/oauth/password/${encodeURIComponent(token)}`,
  };
}
