import Type from 'typebox';
import { Id, LocalizedText } from './common.ts';

const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: 'HH:mm' });
const Interval = Type.Object({ start: ClockTime, end: ClockTime }, { additionalProperties: false });
const Day = Type.Optional(Type.Array(Interval, { maxItems: 8 }));

/** A business calendar: working hours per weekday in a time zone, and holidays. */
export const BusinessCalendar = Type.Object(
  {
    id: Id,
    label: LocalizedText,
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Asia/Shanghai' }),
    week: Type.Object(
      { mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day },
      { additionalProperties: false },
    ),
    holidays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), { maxItems: 1000, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type BusinessCalendar = Type.Static<typeof BusinessCalendar>;
