/** Groups of three digits, the same on every machine (never `toLocaleString`, whose output depends on the locale). */
const THOUSANDS = /\B(?=(\d{3})+$)/g;

/** `1234567` → `1,234,567`. Non-integers are rounded; non-finite numbers are printed as JavaScript prints them. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(THOUSANDS, ',');
  return rounded < 0 ? `-${digits}` : digits;
}
