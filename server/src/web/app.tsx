import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/language-switch.js';
import { Notice } from './components/notice.js';
import { PageHeading } from './components/page-heading.js';
import { AgendaPage } from './pages/agenda-page.js';
import { CheckoutReturnPage } from './pages/checkout-return-page.js';
import { EventPage } from './pages/event-page.js';
import { OrderPage } from './pages/order-page.js';
import { TicketPage } from './pages/ticket-page.js';
import { WaitlistPage } from './pages/waitlist-page.js';
import { accessKeyOf, useLocation } from './router.js';

const PAGE = /^\/([etow]|orders)\/([^/]+)(\/agenda)?\/?$/;

/** Picks the page from the path; the server answers index.html for each of these paths. */
export function App() {
  const { t } = useTranslation();
  const loc = useLocation();
  const match = PAGE.exec(loc.path);
  const id = match ? decodeURIComponent(match[2]!) : '';
  const key = accessKeyOf(loc);
  const checkout = loc.query.get('checkout');
  let page;
  // Only a ticket has an agenda.
  const kind = match?.[3] ? (match[1] === 't' ? 'agenda' : undefined) : match?.[1];
  switch (kind) {
    case 'e':
      page = <EventPage key={id} eventId={id} />;
      break;
    case 't':
      page = <TicketPage key={id} ticketId={id} accessKey={key} checkout={checkout} />;
      break;
    case 'agenda':
      page = (
        <AgendaPage key={id} ticketId={id} accessKey={key} sessionId={loc.query.get('session')} />
      );
      break;
    case 'o':
      page = <OrderPage key={id} orderId={id} accessKey={key} checkout={checkout} />;
      break;
    case 'orders':
      page = <CheckoutReturnPage key={id} orderId={id} outcome={checkout} />;
      break;
    case 'w':
      page = <WaitlistPage key={id} entryId={id} accessKey={key} />;
      break;
    default:
      page = (
        <>
          <PageHeading title="Lanyard">Lanyard</PageHeading>
          <Notice>{t('app.home')}</Notice>
        </>
      );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <LanguageSwitch />
      <main id="main" className="page">
        {page}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
