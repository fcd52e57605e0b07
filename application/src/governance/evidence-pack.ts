import { createHash } from 'node:crypto';
import {
  canonicalJson,
  sha256Hex,
  type DefinitionStore,
  type InstanceDocument,
  type TemplateCatalogue,
} from '@clauseflow/runtime';
import type { Definition } from '@clauseflow/definition';
import type { AuthenticatedUser } from '../accounts/roles.ts';
import type { DefinitionConformance } from '../conformance/definition-conformance.ts';
import { checkWithTemplate } from '../processes/definition-checks.ts';
import type { ProcessDocument } from '../processes/process-store.ts';
import type { RecordService } from '../records/record-service.ts';
import type { DisposalStore } from './disposal-store.ts';
import { disposalView } from './disposal-view.ts';
import { retentionPolicyView } from './retention-policy.ts';

/** The `format` of the manifest line. */
export const EVIDENCE_PACK_FORMAT = 'clauseflow.evidence-pack';
export const EVIDENCE_PACK_FORMAT_VERSION = 1;

/** What the export reads from. */
export interface EvidenceSources {
  records: RecordService;
  definitions: DefinitionStore;
  catalogue: TemplateCatalogue;
  conformance: DefinitionConformance;
  disposals: DisposalStore;
}

/** One export: whose, of which process, for which period (`[from, to)`, by record creation and disposal time). */
export interface EvidenceRequest {
  process: ProcessDocument;
  user: Pick<AuthenticatedUser, 'id' | 'username' | 'displayName'>;
  from: Date;
  to: Date;
  generatedAt: Date;
}

/** The counts of the trailing line. */
export interface EvidenceCounts {
  definitions: number;
  records: number;
  events: number;
  notes: number;
  disposals: number;
  /** Records whose hash chain did not verify. */
  brokenChains: number;
}

/**
 * Streams an auditor's evidence pack as NDJSON: one JSON object per line, each with a `kind`.
 *
 * 1. `manifest`: format, generated at and by whom, the process (with its retention policy), the
 *    period and the requirement set.
 * 2. `definition`, one per published version, oldest first: its canonical JSON text, the stored
 *    sha256 and whether the text still matches it, and the conformance verdicts of the version.
 * 3. `record`, one per record of the process created in the period, oldest first: the record,
 *    its event log exactly as stored (dates as `{"$date": …}`, so `sha256(canonicalJson(event
 *    without hash))` recomputes each `hash`), the `verify()` result of its hash chain, and its
 *    work notes.
 * 4. `disposal`, one per disposal record of the process made in the period.
 * 5. `end`: the counts, and `sha256`, the hex SHA-256 of every byte before this line.
 *
 * Records are read through a database cursor one at a time, so memory holds one record's log.
 * A pack without its `end` line is incomplete (the stream broke).
 */
export async function* evidencePackLines(sources: EvidenceSources, request: EvidenceRequest): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const line = (value: unknown): string => {
    const text = `${JSON.stringify(value)}\n`;
    hash.update(text, 'utf8');
    return text;
  };
  const counts: EvidenceCounts = { definitions: 0, records: 0, events: 0, notes: 0, disposals: 0, brokenChains: 0 };
  const { process, from, to } = request;
  const key = process._id;

  yield line({
    kind: 'manifest',
    format: EVIDENCE_PACK_FORMAT,
    formatVersion: EVIDENCE_PACK_FORMAT_VERSION,
    generatedAt: request.generatedAt.toISOString(),
    generatedBy: { id: request.user.id, username: request.user.username, displayName: request.user.displayName },
    process: {
      key,
      title: process.title,
      owners: process.owners,
      retired: process.retired,
      retention: process.retention ? retentionPolicyView(process.retention) : null,
    },
    period: { from: from.toISOString(), to: to.toISOString() },
    requirementSet: sources.conformance.requirementSet.id,
    integrity: 'The last line (kind "end") holds the counts and the SHA-256 of every byte before it.',
  });

  const versions = (await sources.definitions.list(key)).map((v) => v.version).sort((a, b) => a - b);
  for (const version of versions) {
    const stored = await sources.definitions.get(key, version);
    if (!stored) continue;
    counts.definitions++;
    yield line({
      kind: 'definition',
      key,
      version,
      title: stored.title,
      publishedAt: stored.publishedAt.toISOString(),
      publishedBy: stored.publishedBy,
      sha256: stored.sha256,
      sha256Verified: sha256Hex(stored.text) === stored.sha256,
      text: stored.text,
      conformance: await conformanceOf(sources, stored.text),
    });
  }

  const { log } = sources.records.engine;
  const records = sources.records.engine.projections.createdBetween(key, from, to);
  try {
    for await (const record of records) {
      // A record with a disposal record is gone, even while a crash has left its data behind.
      if (await sources.disposals.exists(record._id)) continue;
      const events = await log.read(record._id);
      const verification = await log.verify(record._id);
      const recordNotes = await sources.records.notes.all(record._id);
      counts.records++;
      counts.events += events.length;
      counts.notes += recordNotes.length;
      if (!verification.ok) counts.brokenChains++;
      yield line({
        kind: 'record',
        record: recordView(record),
        verification,
        events: events.map((event) => JSON.parse(canonicalJson(event)) as unknown),
        notes: recordNotes.map((note) => ({
          id: note._id,
          author: note.author,
          at: note.at.toISOString(),
          text: note.text,
        })),
      });
    }
  } finally {
    await records.close();
  }

  const disposals = sources.disposals.cursor({ processKeys: [key], from, to });
  try {
    for await (const disposal of disposals) {
      counts.disposals++;
      yield line({ kind: 'disposal', ...disposalView(disposal) });
    }
  } finally {
    await disposals.close();
  }

  yield `${JSON.stringify({ kind: 'end', counts, sha256: hash.digest('hex') })}\n`;
}

/** A record's projection as the pack shows it. */
function recordView(record: InstanceDocument) {
  return {
    id: record._id,
    processKey: record.processKey,
    processVersion: record.processVersion,
    title: record.title,
    state: record.state,
    status: record.status,
    requester: record.requester,
    assignee: record.assignee,
    data: record.data,
    seq: record.seq,
    hash: record.hash,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The conformance verdicts of a stored definition text (a tailored copy against its template's claims). */
async function conformanceOf(sources: EvidenceSources, text: string) {
  let definition: Definition;
  try {
    definition = JSON.parse(text) as Definition;
  } catch (error) {
    return { ok: false, error: `The stored text is not JSON: ${String(error)}` };
  }
  const checked = await checkWithTemplate(sources.conformance, sources.catalogue, definition);
  return {
    ok: checked.ok,
    requirementSet: checked.result.requirementSet,
    summary: checked.result.summary,
    unknownClaims: checked.result.unknownClaims,
    verdicts: checked.result.verdicts,
    problems: checked.problems,
  };
}
