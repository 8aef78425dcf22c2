import type { IntlShape } from 'react-intl';

/** "3 days", "5 hours", "12 minutes": how long since `iso`, in the user's locale. */
export const formatElapsed = (intl: IntlShape, iso: string, now = Date.now()) => {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds >= size) {
      return intl.formatNumber(Math.floor(seconds / size), {
        style: 'unit',
        unit,
        unitDisplay: 'long',
      });
    }
  }
  return intl.formatNumber(seconds, { style: 'unit', unit: 'second', unitDisplay: 'long' });
};

export const formatDateTime = (intl: IntlShape, iso: string) =>
  intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' } as Intl.DateTimeFormatOptions);

/** Time left until a moment, as a clock: "04:12", "2:03:04", "3 d 02:03:04"; "00:00" once due. */
export const formatCountdown = (ms: number) => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  const clock =
    hours || days
      ? `${days ? two(hours) : hours}:${two(minutes)}:${two(seconds)}`
      : `${two(minutes)}:${two(seconds)}`;
  return days ? `${days} d ${clock}` : clock;
};

/** A `datetime-local` input's value (the browser's own zone) as an instant with its zone, or null. */
export const localInputToIso = (value: string) => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
