/**
 * Counts the requirements of ISO/IEC 20000-1:2018 clauses 4 to 10 in the English text of the
 * seed document, so a test can prove the requirement set covers every one of them.
 *
 * The standard's text is copyrighted: this module never holds any of it. It reads the seed
 * at run time and keeps only clause numbers, sentence ordinals and item letters.
 *
 * The counting rule (documented here once; the coverage test and the README refer to it):
 *
 * 1. The English body runs from the last line that reads exactly "4 Context of the organization"
 *    to the last line that reads exactly "Bibliography" (the Chinese text and the tables of
 *    contents come before it).
 * 2. A line that starts with a clause number of clauses 4 to 10 (e.g. `8.2.3.1`, `6.1.2`) and a
 *    space starts that clause. The rest of the line is a paragraph of the clause (a heading
 *    contains no "shall", so it counts nothing; numbered paragraphs such as "6.1.2 The
 *    organization shall …" do).
 * 3. A line `- x)` (a lowercase letter) is a lettered item; a line `- n)` (digits, usually indented,
 *    though a page break can lose the indentation) is a numbered item under the lettered item
 *    before it. Items are never counted as statements, even when their text contains "shall".
 * 4. Lines starting with `NOTE` are notes and count nothing; unlettered bullets (`- text`,
 *    `— text`) count nothing. Blank lines (page breaks in the middle of a list) are ignored.
 * 5. Every other non-blank line is a paragraph. It is split into sentences at a full stop followed
 *    by white space and an uppercase letter. Each sentence that contains the word "shall" is one
 *    statement; statements are numbered 1, 2, … in document order within their clause.
 * 6. A lettered list belongs to the last sentence of the paragraph just before it. When that
 *    sentence is a statement, each of its lettered items, and each numbered item under those, is
 *    a requirement of its own; when it is not (e.g. a sentence with "may"), the list is not
 *    counted.
 */

/** One counted lettered item and the numbers of the numbered items under it. */
export interface SeedItem {
  letter: string;
  numbers: number[];
}

/** A list of lettered items and the statement (by ordinal in its clause) it belongs to. */
export interface SeedList {
  statement: number;
  items: SeedItem[];
}

/** What the seed requires in one clause. */
export interface SeedClause {
  clause: string;
  /** Number of sentences with "shall" (rule 5). */
  statements: number;
  /** Lists that belong to a statement (rule 6), in document order. */
  lists: SeedList[];
}

const START_LINE = '4 Context of the organization';
const END_LINE = 'Bibliography';
const CLAUSE_LINE = /^((?:[4-9]|10)(?:\.\d+)*)\s+(.*)$/;
const LETTERED_ITEM = /^\s*-\s+([a-z])\)/;
const NUMBERED_ITEM = /^\s*-\s+(\d+)\)/;
const SENTENCE_BREAK = /(?<=\.)\s+(?=[A-Z])/;
const SHALL = /\bshall\b/;

/** The lines of the English body of clauses 4 to 10 (rule 1). */
export function englishBody(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  const end = lines.lastIndexOf(END_LINE);
  if (end < 0) throw new Error(`seed: no line "${END_LINE}" found`);
  const start = lines.slice(0, end).lastIndexOf(START_LINE);
  if (start < 0) throw new Error(`seed: no line "${START_LINE}" before "${END_LINE}"`);
  return lines.slice(start, end);
}

/** Splits a paragraph into sentences (rule 5). */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(SENTENCE_BREAK)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Counts statements and items per clause in the given body lines (rules 2 to 6). */
export function inventoryClauses(body: readonly string[]): SeedClause[] {
  const clauses: SeedClause[] = [];
  let current: SeedClause | undefined;
  /** The ordinal of the statement a following list would belong to, or null when none. */
  let owner: number | null = null;
  let list: SeedList | undefined;
  let lastItem: SeedItem | undefined;

  const paragraph = (text: string): void => {
    list = undefined;
    lastItem = undefined;
    owner = null;
    if (!current) return;
    const parts = sentences(text);
    parts.forEach((sentence, index) => {
      if (!current || !SHALL.test(sentence)) return;
      current.statements += 1;
      if (index === parts.length - 1) owner = current.statements;
    });
  };

  for (const line of body) {
    if (line.trim() === '') continue;
    const numbered = NUMBERED_ITEM.exec(line);
    if (numbered) {
      if (lastItem) lastItem.numbers.push(Number(numbered[1]));
      continue;
    }
    const lettered = LETTERED_ITEM.exec(line);
    if (lettered) {
      if (!current || owner === null) {
        lastItem = undefined;
        continue;
      }
      if (!list) {
        list = { statement: owner, items: [] };
        current.lists.push(list);
      }
      lastItem = { letter: lettered[1] ?? '', numbers: [] };
      list.items.push(lastItem);
      continue;
    }
    if (/^(NOTE\b|[-—]\s)/.test(line)) {
      list = undefined;
      lastItem = undefined;
      owner = null;
      continue;
    }
    const clauseLine = CLAUSE_LINE.exec(line);
    if (clauseLine) {
      current = { clause: clauseLine[1] ?? '', statements: 0, lists: [] };
      clauses.push(current);
      paragraph(clauseLine[2] ?? '');
      continue;
    }
    paragraph(line);
  }
  return clauses.filter((c) => c.statements > 0);
}

/** A requirement the seed calls for: its id under the id scheme and, for an item, its parent. */
export interface ExpectedRequirement {
  id: string;
  parent?: string;
}

/**
 * The requirement ids the id scheme gives the counted statements and items of one clause:
 * `<clause>-<n>` per statement; `<clause>.<letter>` for the items of the clause's first list and
 * `<clause>-<n>.<letter>` for those of any later list; `<…>.<letter>.<number>` for numbered items.
 */
export function expectedRequirements(clause: SeedClause): ExpectedRequirement[] {
  const expected: ExpectedRequirement[] = [];
  for (let n = 1; n <= clause.statements; n += 1) expected.push({ id: `${clause.clause}-${n}` });
  clause.lists.forEach((list, index) => {
    const statement = `${clause.clause}-${list.statement}`;
    const prefix = index === 0 ? clause.clause : statement;
    for (const item of list.items) {
      const itemId = `${prefix}.${item.letter}`;
      expected.push({ id: itemId, parent: statement });
      for (const number of item.numbers) expected.push({ id: `${itemId}.${number}`, parent: itemId });
    }
  });
  return expected;
}
