/** The largest size that fits `room` pixels with a whole number of pixels per QR module. */
export function crispSize(room: number, modules: number | null): number {
  if (!modules || room < modules) return Math.max(0, Math.floor(room));
  return Math.floor(room / modules) * modules;
}
