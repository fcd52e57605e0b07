/** Writes the published JSON Schema of the definition format (for editors and the designer's Monaco). */
import { writeFileSync } from 'node:fs';
import { definitionJsonSchemaText } from '../src/json-schema.ts';

const target = new URL('../schema/definition.schema.json', import.meta.url);
writeFileSync(target, definitionJsonSchemaText());
console.log(`wrote ${target.pathname}`);
