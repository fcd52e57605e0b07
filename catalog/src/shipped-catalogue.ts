import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { AssertionMap } from '@clauseflow/conformance';
import type { PackInfo } from './packs/build-pack.ts';

/**
 * Where the shipped catalogue's files are, and their loaders: other packages reach the catalogue
 * through these exports, never by a relative path into this folder.
 */
export const CATALOG_ROOT = new URL('../', import.meta.url);

/**
 * The folder of the shipped templates: one folder per template, `catalog/templates/<id>/`, holding
 * its definition (`definition.json`), its scenario tests and a README in English and Chinese.
 */
export const SHIPPED_TEMPLATES_DIR = new URL('templates/', CATALOG_ROOT);

/** The assertion map of ISO/IEC 20000-1:2018 (`catalog/assertions/…`). */
export const ISO_IEC_20000_1_2018_ASSERTIONS_PATH = new URL(
  'assertions/iso-iec-20000-1-2018.assertions.json',
  CATALOG_ROOT,
);

let assertionMap: AssertionMap | undefined;

/** The shipped assertion map, read and checked against its schema once. */
export function loadAssertionMap(): AssertionMap {
  if (assertionMap === undefined) {
    const data: unknown = JSON.parse(readFileSync(ISO_IEC_20000_1_2018_ASSERTIONS_PATH, 'utf8'));
    if (!Value.Check(AssertionMap, data)) {
      throw new Error(`invalid assertion map ${ISO_IEC_20000_1_2018_ASSERTIONS_PATH.pathname}`);
    }
    assertionMap = data;
  }
  return assertionMap;
}

/** The manifest information of the shipped pack (`catalog/pack.json`). */
export function shippedPackInfo(): PackInfo {
  return JSON.parse(readFileSync(new URL('pack.json', CATALOG_ROOT), 'utf8')) as PackInfo;
}

/** The definition file's name inside each template folder. */
export const TEMPLATE_DEFINITION_FILE = 'definition.json';

/**
 * The shipped templates' definition files, relative to `SHIPPED_TEMPLATES_DIR`
 * (`<id>/definition.json`), sorted by folder.
 */
export function shippedTemplatePaths(): string[] {
  return readdirSync(SHIPPED_TEMPLATES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${entry.name}/${TEMPLATE_DEFINITION_FILE}`)
    .filter((file) => existsSync(new URL(file, SHIPPED_TEMPLATES_DIR)))
    .sort();
}

/** The shipped templates as they are on disk (parsed JSON, by path), for callers that validate them. */
export function shippedTemplateFiles(): { file: string; json: unknown }[] {
  return shippedTemplatePaths().map((file) => ({
    file,
    json: JSON.parse(readFileSync(new URL(file, SHIPPED_TEMPLATES_DIR), 'utf8')) as unknown,
  }));
}
