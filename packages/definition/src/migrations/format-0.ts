/**
 * Format 0: the pre-release draft of the definition format, still read so that early drafts
 * open. It differs from format 1 in three ways:
 *
 * - the initial state is named by `initial` (format 1: `initialState`);
 * - every display text (title, description, labels, help, notification messages, work notes,
 *   record fields' `x-label`) is a plain string meaning English (format 1: `{ en, zh }`);
 * - there are no business calendars: no `calendars` list, clocks name no calendar, and timers
 *   have no `time` (they always ran in calendar time).
 */
export const FORMAT_0 = 0;

/**
 * Prefix of a Chinese text that a migration copied from English: a placeholder a translator
 * must replace. The designer can search for it.
 */
export const UNTRANSLATED_MARK = '[待翻译] ';
