/**
 * Terminal columns: East Asian wide and fullwidth characters (CJK ideographs, kana, Hangul,
 * fullwidth forms, CJK punctuation) take two columns, so a table padded by string length
 * misaligns as soon as a cell holds Chinese. These pad by display width instead.
 */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** How many terminal columns the text takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** The text padded with spaces to `columns` terminal columns (never cut). */
export function padDisplay(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}
