import { describe, expect, it } from 'vitest';
import { englishBody, expectedRequirements, inventoryClauses, sentences } from './seed-inventory.ts';

/** A made-up miniature standard (our own text) exercising every counting rule. */
const MINI = [
  '目录',
  '4 Context of the organization\t7',
  'Bibliography\t40',
  '4 组织环境',
  '4 Context of the organization',
  '4.1 Knowing the weather',
  'The team shall look at the sky. It may rain. The team shall carry an umbrella e.g. a red one.',
  'NOTE The team shall not be counted here.',
  '4.2 Packing',
  'The team shall pack:',
  '- a) bread;',
  '',
  '- b) water, which shall be fresh:',
  ' - 1) from a tap;',
  '- 2) from a bottle;',
  '- c) a map.',
  'NOTE Bullets after a note:',
  '- the size of the bag;',
  '— the colour of the bag.',
  '5 Travel',
  '5.1 Leaving',
  'The team may pick a route from:',
  '- a) the coast;',
  '- b) the hills.',
  '5.1.1 The guide shall lead. The group shall follow:',
  '- a) in single file;',
  '- b) at a steady pace.',
  'Walkers shall rest hourly.',
  'Bibliography',
  '- [1] Some other book',
].join('\n');

describe('counting statements and items in the seed', () => {
  it('starts at the last "4 Context of the organization" line and stops at the last "Bibliography"', () => {
    const body = englishBody(MINI);
    expect(body[0]).toBe('4 Context of the organization');
    expect(body.at(-1)).toBe('Walkers shall rest hourly.');
  });

  it('splits sentences at a full stop before a capital letter only', () => {
    expect(sentences('One shall go. Two may stay. A list e.g. this one shall hold.')).toEqual([
      'One shall go.',
      'Two may stay.',
      'A list e.g. this one shall hold.',
    ]);
  });

  it('counts shall sentences, owned lists, numbered items across page breaks, and ignores notes and may-lists', () => {
    expect(inventoryClauses(englishBody(MINI))).toEqual([
      { clause: '4.1', statements: 2, lists: [] },
      {
        clause: '4.2',
        statements: 1,
        lists: [
          {
            statement: 1,
            items: [
              { letter: 'a', numbers: [] },
              { letter: 'b', numbers: [1, 2] },
              { letter: 'c', numbers: [] },
            ],
          },
        ],
      },
      {
        clause: '5.1.1',
        statements: 3,
        lists: [
          {
            statement: 2,
            items: [
              { letter: 'a', numbers: [] },
              { letter: 'b', numbers: [] },
            ],
          },
        ],
      },
    ]);
  });

  it('gives statements, items and numbered items the ids and parents of the id scheme', () => {
    const [, packing, guide] = inventoryClauses(englishBody(MINI));
    expect(packing && expectedRequirements(packing)).toEqual([
      { id: '4.2-1' },
      { id: '4.2.a', parent: '4.2-1' },
      { id: '4.2.b', parent: '4.2-1' },
      { id: '4.2.b.1', parent: '4.2.b' },
      { id: '4.2.b.2', parent: '4.2.b' },
      { id: '4.2.c', parent: '4.2-1' },
    ]);
    expect(guide && expectedRequirements(guide).map((r) => r.parent ?? r.id)).toEqual([
      '5.1.1-1',
      '5.1.1-2',
      '5.1.1-3',
      '5.1.1-2',
      '5.1.1-2',
    ]);
  });

  it('qualifies the items of a second list with their statement', () => {
    const twoLists = [
      '4 Context of the organization',
      '4.9 Lists',
      'A shall:',
      '- a) x;',
      'B shall:',
      '- a) y;',
      'Bibliography',
    ];
    const [clause] = inventoryClauses(englishBody(twoLists.join('\n')));
    expect(clause && expectedRequirements(clause)).toEqual([
      { id: '4.9-1' },
      { id: '4.9-2' },
      { id: '4.9.a', parent: '4.9-1' },
      { id: '4.9-2.a', parent: '4.9-2' },
    ]);
  });
});
