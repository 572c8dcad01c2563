// One package per component: the @react-email/components barrel also loads Tailwind (~1 s of
// start-up in every process that imports the server), which these mails do not use.
import { Body } from '@react-email/body';
import { Button } from '@react-email/button';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Img } from '@react-email/img';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';

/** What one mail shows; every string is attendee- or organizer-provided text, rendered as text. */
export interface MailView {
  lang: string;
  title: string;
  /** The event's name, dates and place; absent in a notice to administrators. */
  when?: string;
  greeting: string;
  paragraphs: string[];
  link?: { href: string; label: string };
  links?: string[];
  tickets?: { heading: string; items: { cid: string; line: string }[]; note: string };
  calendarNote?: string;
  footer: string;
}

const page = { backgroundColor: '#f4f4f5', fontFamily: 'Helvetica, Arial, sans-serif' };
const card = { backgroundColor: '#ffffff', maxWidth: '560px', padding: '24px', margin: '0 auto' };
const button = {
  backgroundColor: '#1d4ed8',
  color: '#ffffff',
  padding: '12px 20px',
  borderRadius: '6px',
  textDecoration: 'none',
};

/** The one layout every message uses (react-email renders it to HTML and to plain text). */
export function MailLayout(v: MailView) {
  return (
    <Html lang={v.lang}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{v.paragraphs[0] ?? v.title}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Heading as="h1" style={{ fontSize: '22px' }}>
            {v.title}
          </Heading>
          {v.when ? <Text style={{ color: '#52525b' }}>{v.when}</Text> : null}
          <Text>{v.greeting}</Text>
          {v.paragraphs.map((p, i) => (
            <Text key={i} style={{ whiteSpace: 'pre-line' }}>
              {p}
            </Text>
          ))}
          {v.link ? (
            <Section style={{ margin: '16px 0' }}>
              <Button href={v.link.href} style={button}>
                {v.link.label}
              </Button>
              <Text style={{ fontSize: '12px', wordBreak: 'break-all' }}>{v.link.href}</Text>
            </Section>
          ) : null}
          {v.links?.map((href) => (
            <Text key={href} style={{ wordBreak: 'break-all' }}>
              <Link href={href}>{href}</Link>
            </Text>
          ))}
          {v.tickets ? (
            <Section>
              <Heading as="h2" style={{ fontSize: '18px' }}>
                {v.tickets.heading}
              </Heading>
              {v.tickets.items.map((t) => (
                <Section key={t.cid} style={{ textAlign: 'center', margin: '12px 0' }}>
                  <Img
                    src={`cid:${t.cid}`}
                    alt={t.line}
                    width="240"
                    height="240"
                    style={{ margin: '0 auto', maxWidth: '100%', height: 'auto' }}
                  />
                  <Text>{t.line}</Text>
                </Section>
              ))}
              <Text style={{ fontSize: '13px', color: '#52525b' }}>{v.tickets.note}</Text>
            </Section>
          ) : null}
          {v.calendarNote ? (
            <Text style={{ fontSize: '13px', color: '#52525b' }}>{v.calendarNote}</Text>
          ) : null}
          <Hr />
          <Text style={{ fontSize: '12px', color: '#71717a' }}>{v.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
