#!/usr/bin/env bash
# Makes sure CUPS runs and has a virtual PDF printer for the badge tests; safe to run again.
# Prints "QUEUE OUTDIR" on success. Needs root (as tests and CI run) and cups + cups-pdf.
set -euo pipefail
# The admin tools (cupsd, lpadmin, cupsenable) live in sbin, which a runner's PATH may leave out.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
queue="${LANYARD_TEST_QUEUE:-lanyardtest}"
outdir="${LANYARD_TEST_PDF_DIR:-/var/spool/lanyard-cups-pdf}"

for tool in cupsd lpadmin lpstat lp; do
  command -v "$tool" >/dev/null || { echo "cups-setup: $tool missing (apt-get install cups cups-pdf)" >&2; exit 3; }
done
backend=/usr/lib/cups/backend/cups-pdf
[ -e "$backend" ] || { echo "cups-setup: cups-pdf backend missing (apt-get install printer-driver-cups-pdf)" >&2; exit 3; }

# `lpstat -r` exits 0 either way; only its words say whether the scheduler runs.
scheduler_running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q 'scheduler is running'; }
if ! scheduler_running; then
  cupsd >/dev/null 2>&1 || true
  for _ in $(seq 50); do scheduler_running && break; sleep 0.1; done
  scheduler_running || { echo "cups-setup: cupsd did not start" >&2; exit 4; }
fi

mkdir -p "$outdir"
chmod 1777 "$outdir"
# cups-pdf reads /etc/cups/cups-pdf-NAME.conf for a queue whose URI is cups-pdf:/NAME, so the
# test queue gets its own output directory without touching the system-wide cups-pdf.conf.
conf="/etc/cups/cups-pdf-${queue}.conf"
want="Out ${outdir}
AnonDirName ${outdir}
Label 1"
if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$want" ]; then
  printf '%s\n' "$want" >"$conf"
fi

if ! lpstat -p "$queue" >/dev/null 2>&1; then
  ppd=$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF*.ppd 2>/dev/null | head -n1 || true)
  if [ -n "$ppd" ]; then
    lpadmin -p "$queue" -E -v "cups-pdf:/${queue}" -P "$ppd"
  else
    lpadmin -p "$queue" -E -v "cups-pdf:/${queue}" -m everywhere 2>/dev/null || lpadmin -p "$queue" -E -v "cups-pdf:/${queue}"
  fi
fi
cupsenable "$queue"
cupsaccept "$queue"
echo "$queue $outdir"
