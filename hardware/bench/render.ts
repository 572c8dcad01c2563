// Badge render cost: the standard layout to PDF (pdfkit, embedded TrueType fonts) and to ZPL,
// for a short Latin name and a long mixed-script one. Target ≤ 50 ms per badge.
import { standardBadgeLayout, type BadgeContent } from '../src/printers/badge-layout.js';
import { renderBadgePdf } from '../src/printers/pdf-render.js';
import { renderBadgeZpl } from '../src/printers/zpl-render.js';

const TARGET_MS = 50;
const TOKEN = 'eyJhbGciOiJFZERTQSIsImtpZCI6ImsxIn0.eyJ0IjoiOGY1YjJjIiwiZSI6ImV2MSJ9.c2lnbmF0dXJl';
const badges: BadgeContent[] = [
  { name: 'Ana Li', company: 'Lanyard', subtitle: 'Speaker', qr: TOKEN },
  {
    name: 'Maximilian Alexander Friedrich von Hohenzollern-Sigmaringen',
    company: 'Internationale Gesellschaft für Veranstaltungstechnik',
    subtitle: 'Full conference pass',
    qr: TOKEN,
  },
  { name: 'Дмитрий Иванов 山田太郎', company: 'Ωmega Labs', subtitle: 'Staff', qr: TOKEN },
];

async function perBadge(rounds: number, render: (c: BadgeContent) => unknown): Promise<number> {
  for (const b of badges) await render(b); // warm-up: font parsing, JIT
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const b of badges) await render(b);
  return (performance.now() - start) / (rounds * badges.length);
}

const pdfMs = await perBadge(10, (c) => renderBadgePdf(standardBadgeLayout(c)));
const zplMs = await perBadge(50, (c) => renderBadgeZpl(standardBadgeLayout(c)));
const r = (n: number) => Math.round(n * 100) / 100;
const ok = pdfMs <= TARGET_MS && zplMs <= TARGET_MS;

console.log(`badge render (3 × 4 in, name + company + subtitle + QR), per badge:`);
console.log(`  PDF  ${r(pdfMs)} ms`);
console.log(`  ZPL  ${r(zplMs)} ms`);
console.log(`target ≤ ${TARGET_MS} ms: ${ok ? 'ok' : 'MISSED'}`);
console.log(
  JSON.stringify({ bench: 'render', pdfMs: r(pdfMs), zplMs: r(zplMs), target: TARGET_MS, ok }),
);
