import { changeLines } from './change-lines.js';
import type { ScheduleDiff } from './release-diff.js';
import type { EventInfo } from './store.js';
import { escapeXml } from './xml-text.js';

// The releases of an event's schedule as an Atom feed (RFC 4287): one entry per release, newest
// first, saying in plain text what changed, with times in the event's timezone. Feed readers and
// chat bots that follow a conference pick up each new version.

export interface ReleaseNote {
  version: number;
  comment: string;
  releasedAt: string;
  diff: ScheduleDiff;
}

export interface AtomLinks {
  /** This feed's own URL (also its id). */
  self: string;
  /** Where the released schedule is (the alternate link of the feed and of each entry). */
  schedule: string;
}

export function releasesAtom(event: EventInfo, notes: ReleaseNote[], links: AtomLinks): string {
  const newest = [...notes].sort((a, b) => b.version - a.version);
  const updated = newest[0]?.releasedAt ?? new Date(0).toISOString();
  const entry = (n: ReleaseNote) => {
    const lines = changeLines(n.diff, event.timezone);
    const text = [n.comment, ...(lines.length ? ['', ...lines] : [])].join('\n');
    return [
      '  <entry>',
      `    <id>${escapeXml(`${links.self}#release-${n.version}`)}</id>`,
      `    <title>${escapeXml(`${event.name}: schedule version ${n.version}`)}</title>`,
      `    <updated>${n.releasedAt}</updated>`,
      `    <link rel="alternate" href="${escapeXml(links.schedule)}"/>`,
      `    <content type="text">${escapeXml(text)}</content>`,
      '  </entry>',
    ].join('\n');
  };
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(links.self)}</id>`,
    `  <title>${escapeXml(`${event.name}: schedule releases`)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(event.name)}</name></author>`,
    `  <link rel="self" href="${escapeXml(links.self)}"/>`,
    `  <link rel="alternate" href="${escapeXml(links.schedule)}"/>`,
    '  <generator>Lanyard</generator>',
    ...newest.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
