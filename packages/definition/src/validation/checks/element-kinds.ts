import type { LocalizedText } from '../../format/common.ts';
import names from './element-kinds.json' with { type: 'json' };

/** The names of the definition's element kinds in both languages (data: element-kinds.json). */
const ELEMENT_KINDS = names satisfies Record<string, LocalizedText>;

/** A kind of definition element an issue can name. */
export type ElementKind = keyof typeof ELEMENT_KINDS;

/** The `kind` and `kindZh` params of an issue about an element of `kind`. */
export function kindParams(kind: ElementKind): { kind: string; kindZh: string } {
  const name = ELEMENT_KINDS[kind];
  return { kind: name.en, kindZh: name.zh };
}
