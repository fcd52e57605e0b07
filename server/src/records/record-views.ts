import {
  availableEvents,
  type Actor,
  type CompiledProcess,
  type DecisionTrace,
  type InstanceState,
} from '@clauseflow/definition';
import type { NoteDocument } from '@clauseflow/application';
import type { HistoryEntry, Note, RecordAction, RecordChange, RecordSummary } from './record-schemas.ts';
import {
  instanceEventBody,
  type EngineSuccess,
  type InstanceDocument,
  type InstanceEventBody,
} from '@clauseflow/runtime';

/** One event of an instance's log, as stored. */
type StoredEvent = EngineSuccess['event'];

const iso = (date: Date | null | undefined): string | null => (date ? new Date(date).toISOString() : null);

/** A projection as a queue lists it. */
export function recordSummary(doc: InstanceDocument): RecordSummary {
  const clocks: RecordSummary['clocks'] = {};
  for (const [id, clock] of Object.entries(doc.clocks ?? {})) {
    clocks[id] = { ...clock, breachAt: iso(clock.breachAt), warningAt: iso(clock.warningAt) };
  }
  return {
    id: doc._id,
    processKey: doc.processKey,
    processVersion: doc.processVersion,
    state: doc.state,
    status: doc.status,
    title: doc.title,
    assignee: doc.assignee ?? null,
    requester: doc.requester ?? null,
    clocks,
    breachAt: iso(doc.breachAt),
    seq: doc.seq,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

/** The actions the actor may take now, each transition with its form's JSON Schema and UI schema. */
export function recordActions(compiled: CompiledProcess, state: InstanceState, actor: Actor): RecordAction[] {
  return availableEvents(compiled, state, actor).map((available) => ({
    event: available.event,
    transitions: available.transitions.map((t) => {
      const form = t.form ? compiled.forms.get(t.form) : undefined;
      return {
        id: t.id,
        label: t.label,
        to: t.to,
        guarded: t.guarded,
        ...(form ? { form: { id: form.id, schema: form.schema, ui: form.ui } } : {}),
      };
    }),
  }));
}

/** What a start or send answers: the same for a replay of the same idempotency key. */
export function recordChange(result: EngineSuccess): RecordChange {
  return {
    id: result.instanceId,
    seq: result.seq,
    state: result.state.state,
    status: result.state.status,
    data: result.state.data,
    event: {
      seq: result.event.seq,
      type: result.event.type,
      actor: result.event.actor,
      at: new Date(result.event.at).toISOString(),
    },
  };
}

/** The `ETag` of a record at `seq`. */
export function etag(seq: number): string {
  return `"${seq}"`;
}

/** The seq in an `If-Match` header (`"3"` or `W/"3"`); undefined when absent, NaN when malformed. */
export function ifMatchSeq(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  return Number(/^(?:W\/)?"(\d{1,10})"$/.exec(header.trim())?.[1] ?? NaN);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The record fields an event changed. */
export function dataChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { field: string; from: unknown; to: unknown }[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => !sameJson(before[field], after[field]))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

/** The decisions an event evaluated: matched rows with their conditions (each fact's value and result). */
function decisionsOf(body: InstanceEventBody): HistoryEntry['decisions'] {
  return body.trace
    .filter((entry): entry is DecisionTrace => entry.kind === 'decision')
    .map((entry) => ({
      decision: entry.decision,
      hitPolicy: entry.hitPolicy,
      inputs: entry.inputs,
      matchedRows: entry.rows
        .filter((row) => row.matched)
        .map((row) => ({ rule: row.rule, conditions: row.conditions })),
      outputs: entry.outputs,
    }));
}

/** An instance's log as history with the "why" of each event. */
export function recordHistory(events: readonly StoredEvent[]): HistoryEntry[] {
  let before: Record<string, unknown> = {};
  return events.map((event) => {
    const body = instanceEventBody(event);
    const entry: HistoryEntry = {
      seq: event.seq,
      type: event.type,
      kind: body.kind,
      actor: event.actor,
      at: new Date(event.at).toISOString(),
      from: body.from,
      to: body.state.state,
      input: body.input,
      changes: dataChanges(before, body.state.data),
      decisions: decisionsOf(body),
      effects: body.effects,
      trace: body.trace,
      hash: event.hash,
    };
    before = body.state.data;
    return entry;
  });
}

/** A note added by a person (its text is theirs, the same in both languages). */
export function noteView(note: NoteDocument): Note {
  return {
    id: note._id,
    source: 'user',
    author: note.author,
    at: new Date(note.at).toISOString(),
    text: { en: note.text, zh: note.text },
  };
}

/** Notes added by people, then the process's own work notes, by time. */
export function recordNotes(stored: readonly NoteDocument[], state: InstanceState): Note[] {
  const people = stored.map(noteView);
  const process: Note[] = state.workNotes.map((note, index) => ({
    id: `step-${note.step}-${index}`,
    source: 'process',
    author: note.actor ?? null,
    at: note.at ?? null,
    text: note.text,
  }));
  return [...people, ...process].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}
