import { describe, expect, it } from 'vitest';
import { parseDefinition } from '@clauseflow/definition';
import { buildPack } from '../packs/build-pack.ts';
import { verifyPack, type TemplateProblem } from '../packs/verify-pack.ts';
import { loadRequirementSet } from '../requirements/load-requirement-set.ts';
import {
  checkShipped,
  expectBilingualFormOnEveryManualTransition,
  parseShippedTemplate,
  shippedPackInfo,
  shippedTemplate,
  shippedTemplateFiles,
} from './shipped-templates.ts';

/** parseDefinition's error-severity issues, as `pack verify` reports them. */
function validateTemplate(template: unknown): TemplateProblem[] {
  return parseDefinition(template)
    .issues.filter((issue) => issue.severity === 'error')
    .map((issue) => ({ path: issue.path, message: issue.message, code: issue.code }));
}

/** The failures of a template's claimed requirements, as `pack verify` reports them. */
function checkConformance(template: unknown): TemplateProblem[] {
  const { definition } = parseDefinition(template);
  if (!definition) return [];
  return checkShipped(definition).verdicts.flatMap((v) =>
    v.status === 'fail'
      ? v.failures.map((f) => ({ path: f.pointer, message: `${v.requirement}: ${f.explanation.en}`, code: f.code }))
      : [],
  );
}

describe('the shipped catalogue pack', () => {
  it('given catalog/pack.json, then it names a semver version for the shipped requirement set', () => {
    const info = shippedPackInfo();
    expect(info.version).toMatch(/^\d+\.\d+\.\d+$/);
    const set = loadRequirementSet();
    expect(info.requirementSet).toEqual({ id: set.id, version: set.version });
  });

  it('given every shipped template, then it validates with no error and its folder is named after its key', () => {
    const files = shippedTemplateFiles();
    expect(files).toEqual(['incident/definition.json', 'problem-management/definition.json']);
    for (const file of files) {
      const parsed = parseShippedTemplate(file);
      expect(
        parsed.issues.filter((i) => i.severity === 'error'),
        file,
      ).toEqual([]);
      expect(`${parsed.definition?.key}/definition.json`).toBe(file);
    }
  });

  it('given each shipped template, then it claims requirements and every one of its claims passes', () => {
    for (const file of shippedTemplateFiles()) {
      const template = shippedTemplate(file);
      expect(template.claims?.length, file).toBeGreaterThan(0);
      const result = checkShipped(template);
      expect(
        result.verdicts.filter((v) => v.status === 'fail').map((v) => v.requirement),
        file,
      ).toEqual([]);
      expect(result.summary.pass, file).toBe(template.claims?.length);
    }
  });

  it('given the pack built from catalog/pack.json and the templates, when verified with conformance, then it passes', () => {
    const templates = shippedTemplateFiles().map((file) => shippedTemplate(file));
    const pack = JSON.parse(JSON.stringify(buildPack(shippedPackInfo(), templates))) as unknown;
    const result = verifyPack(pack, { validateTemplate, checkConformance });
    expect(result).toMatchObject({ ok: true, issues: [] });
    if (result.ok) {
      expect(result.pack.manifest.templates).toHaveLength(2);
      for (const key of ['incident', 'problem-management']) {
        expect(result.pack.manifest.templates).toContainEqual(
          expect.objectContaining({ key, version: shippedTemplate(`${key}/definition.json`).version }),
        );
      }
    }
  });
});

describe.each(shippedTemplateFiles())('the shipped template %s', (file) => {
  it('given the template file, then it validates with no error or warning', () => {
    expect(parseShippedTemplate(file).issues).toEqual([]);
  });

  it('given every transition a person takes, then it names a form of the template with labels in both languages', () => {
    expectBilingualFormOnEveryManualTransition(shippedTemplate(file));
  });
});
