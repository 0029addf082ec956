const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayAndMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "just now", "5 minutes ago", "yesterday, 14:05", "3 Mar", "3 Mar 2023": how a list shows when a story was edited. */
export function formatRelativeTime(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const elapsed = now - then;
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  const date = new Date(then);
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  if (then >= today.getTime()) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  if (then >= today.getTime() - DAY) return `${capitalise(relative.format(-1, 'day'))}, ${timeOnly.format(date)}`;
  if (date.getFullYear() === today.getFullYear()) return dayAndMonth.format(date);
  return fullDate.format(date);
}

const fullDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** The full local date and time, for tooltips. */
export function formatFullDateTime(iso: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? '' : fullDateTime.format(new Date(then));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
