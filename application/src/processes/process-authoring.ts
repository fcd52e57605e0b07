import { DomainError, fieldIssue, type Language } from '@clauseflow/common';
import { diffDefinitions, parseDefinition, type Definition, type Issue } from '@clauseflow/definition';
import { DefinitionStore, type DraftRevision, type StoredVersion, type TemplateCatalogue } from '@clauseflow/runtime';
import type { DefinitionCheck, DefinitionConformance } from '../conformance/definition-conformance.ts';
import { checkWithTemplate, referencedProcessIssues } from './definition-checks.ts';
import { conformanceErrors, issueErrors } from './definition-issues.ts';

/** A draft's verdict: its validation issues (with unpublished references) and its conformance. */
export interface DraftVerdict {
  rev: number;
  valid: boolean;
  issues: Issue[];
  /** Null while the draft does not have the definition shape. */
  conformance: DefinitionCheck | null;
}

/**
 * Process authoring: drafts with optimistic revisions, validation, the publish gate, import,
 * published versions and their diff. The publish gate lives here and nowhere else: the runtime's
 * store keeps whatever it is given, so every publish goes through {@link publish}.
 */
export class ProcessAuthoring {
  constructor(
    private readonly definitions: DefinitionStore,
    private readonly catalogue: TemplateCatalogue,
    private readonly conformance: DefinitionConformance,
    private readonly now: () => Date,
  ) {}

  /**
   * Saves a draft revision; with `expectedRev` (the If-Match revision, NaN when malformed) only
   * if the draft is still at it. VALIDATION_FAILED when the document names another process.
   */
  async saveDraft(
    key: string,
    definition: Record<string, unknown>,
    actor: string,
    expectedRev?: number,
  ): Promise<DraftRevision> {
    assertKey(definition, key, '/definition/key');
    return this.store(key, definition, actor, expectedRev);
  }

  /** Imports a definition file as a new draft revision, migrated; DEFINITION_INVALID when it has errors. */
  async importDraft(
    key: string,
    file: Record<string, unknown>,
    actor: string,
    expectedRev?: number,
  ): Promise<DraftRevision> {
    const parsed = parseDefinition(file);
    if (!parsed.definition || !parsed.valid) {
      const errors = issueErrors(parsed.issues, '', 'body');
      throw new DomainError('DEFINITION_INVALID', `The file has ${errors.length} validation error(s).`, { errors });
    }
    assertKey(file, key, '/key');
    // Stored as migrated: an imported older format becomes the current one.
    return this.store(key, parsed.definition, actor, expectedRev);
  }

  /** The latest draft revision; NOT_FOUND when the process has none. */
  async draft(key: string): Promise<DraftRevision> {
    const draft = await this.definitions.latestDraft(key);
    if (!draft) throw new DomainError('NOT_FOUND', `Process ${key} has no draft.`);
    return draft;
  }

  /** Validates the latest draft and checks its conformance, as publishing would. */
  async validateDraft(key: string): Promise<DraftVerdict> {
    const draft = await this.draft(key);
    const parsed = parseDefinition(JSON.parse(draft.text));
    const check = parsed.definition
      ? await checkWithTemplate(this.conformance, this.catalogue, parsed.definition)
      : null;
    // What publishing would also refuse: references to processes that are not published.
    const refIssues = parsed.definition ? await referencedProcessIssues(this.definitions, parsed.definition) : [];
    return {
      rev: draft.rev,
      valid: parsed.valid && refIssues.length === 0,
      issues: [...parsed.issues, ...refIssues],
      conformance: check,
    };
  }

  /**
   * The publish gate: the latest draft becomes the next immutable version only when it validates,
   * every process its record-reference fields name is published, and it meets every requirement it
   * claims (a tailored copy: every claim of its template too). Refusals are DEFINITION_INVALID with
   * an issue per problem, in `language`; CONFLICT without a draft; PRECONDITION_FAILED when the
   * draft moved past `expectedRev`.
   */
  async publish(
    key: string,
    request: { actor: string; expectedRev?: number; language: Language },
  ): Promise<{ version: StoredVersion; check: DefinitionCheck }> {
    const draft = await this.definitions.latestDraft(key);
    if (!draft) throw new DomainError('CONFLICT', `Process ${key} has no draft to publish.`);
    if (request.expectedRev !== undefined && request.expectedRev !== draft.rev) {
      throw new DomainError('PRECONDITION_FAILED', `The draft of ${key} is at revision ${draft.rev}.`);
    }
    const parsed = parseDefinition(JSON.parse(draft.text));
    if (!parsed.definition || !parsed.valid) {
      const errors = issueErrors(parsed.issues);
      throw new DomainError('DEFINITION_INVALID', `The draft has ${errors.length} validation error(s).`, { errors });
    }
    const unknownRefs = issueErrors(await referencedProcessIssues(this.definitions, parsed.definition));
    if (unknownRefs.length > 0) {
      throw new DomainError('DEFINITION_INVALID', 'Record-reference fields name processes that are not published.', {
        errors: unknownRefs,
      });
    }
    const check = await checkWithTemplate(this.conformance, this.catalogue, parsed.definition);
    if (!check.ok) {
      const failed = [...new Set(check.problems.map((p) => p.requirement))].filter((r) => r !== 'derivedFrom');
      const detail = check.problems.some((p) => p.code === 'TEMPLATE_NOT_FOUND')
        ? 'The template this copy derives from is not in the catalogue, so its inherited claims cannot be checked.'
        : `The draft fails claimed requirements: ${failed.join(', ')}.`;
      throw new DomainError('DEFINITION_INVALID', detail, {
        errors: conformanceErrors(check.problems, request.language),
      });
    }
    const version = await this.definitions.publish(parsed.definition, request.actor, this.now());
    return { version, check };
  }

  /** A published version; NOT_FOUND when there is none. */
  async version(key: string, version: number): Promise<StoredVersion> {
    const stored = await this.definitions.get(key, version);
    if (!stored) throw new DomainError('NOT_FOUND', `Process ${key} has no version ${version}.`);
    return stored;
  }

  /** The structured diff of two published versions. */
  async diff(key: string, from: number, to: number): Promise<ReturnType<typeof diffDefinitions>> {
    const before: Definition = DefinitionStore.definitionOf(await this.version(key, from));
    const after: Definition = DefinitionStore.definitionOf(await this.version(key, to));
    return diffDefinitions(before, after);
  }

  private async store(key: string, definition: unknown, actor: string, expectedRev?: number): Promise<DraftRevision> {
    if (expectedRev !== undefined && Number.isNaN(expectedRev)) {
      throw new DomainError('PRECONDITION_FAILED', 'If-Match must be a revision ETag such as "3".');
    }
    const outcome = await this.definitions.saveDraft(key, definition, actor, this.now(), expectedRev);
    if (!outcome.ok) {
      throw new DomainError('PRECONDITION_FAILED', `The draft of ${key} is at revision ${outcome.current}.`);
    }
    return outcome.value;
  }
}

/** VALIDATION_FAILED unless a definition document names the process it is saved under. */
function assertKey(definition: Record<string, unknown>, key: string, pointer: string): void {
  if (definition['key'] !== key) {
    throw new DomainError('VALIDATION_FAILED', `The definition's key must be ${key}.`, {
      errors: [fieldIssue('INVALID_VALUE', pointer, `The definition's key must be "${key}".`, 'body')],
    });
  }
}
