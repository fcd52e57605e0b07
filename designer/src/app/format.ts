import { useTranslation } from 'react-i18next';
import { LANGUAGE_TAGS, type Language } from './i18n.ts';

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;

/** Locale-aware formatting of dates, numbers and durations (Intl) in one language. */
export function formatters(language: Language) {
  const tag = LANGUAGE_TAGS[language];
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(tag);
  const time = new Intl.DateTimeFormat(tag, { timeStyle: 'medium' });
  const megabytes = new Intl.NumberFormat(tag, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 });
  return {
    /** A date and time, e.g. "3 Dec 2026, 09:00" or "2026年12月3日 09:00". */
    dateTime: (value: string | Date) => dateTime.format(typeof value === 'string' ? new Date(value) : value),
    /** A time of day with seconds. */
    time: (value: Date) => time.format(value),
    /** A size in bytes, as whole megabytes. */
    bytes: (value: number) => megabytes.format(value / 1_000_000),
    /** A number with the language's grouping and decimal marks. */
    number: (value: number) => number.format(value),
    /** A duration in its two largest units, e.g. "2 hr, 5 min" or "2小时5分钟". */
    duration: (ms: number) => {
      const parts: [unit: string, count: number][] = [];
      let rest = Math.max(0, Math.round(ms));
      for (const [unit, size] of UNITS) {
        const count = Math.floor(rest / size);
        rest -= count * size;
        if (count > 0 && parts.length < 2) parts.push([unit, count]);
      }
      return parts.length === 0 ? formatDuration(tag, [['second', 0]]) : formatDuration(tag, parts);
    },
  };
}

/** Each unit formatted by Intl.NumberFormat, joined by Intl.ListFormat (Intl.DurationFormat is not everywhere yet). */
function formatDuration(tag: string, parts: [unit: string, count: number][]): string {
  const units = parts.map(([unit, count]) =>
    new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short' }).format(count),
  );
  return new Intl.ListFormat(tag, { style: 'narrow', type: 'unit' }).format(units);
}

/** The formatters of the current language. */
export function useFormat(): ReturnType<typeof formatters> {
  const { i18n } = useTranslation();
  return formatters(i18n.language === 'zh' ? 'zh' : 'en');
}
