import { describe, expect, it } from 'vitest';
import { compile, initialState, type Definition } from '@clauseflow/definition';
import incident from '@clauseflow/definition/examples/incident.json' with { type: 'json' };
import { engineStateOf, projectInstance } from './instance-projection.ts';

const compiled = compile(incident as unknown as Definition);
const at = new Date('2026-11-30T09:00:00Z');

async function started() {
  const result = await initialState(
    compiled,
    { title: 'Printer jam', impact: 'low', urgency: 'low' },
    {
      actor: { id: 'rob', roles: ['requester'] },
      at: at.toISOString(),
    },
  );
  if (!result.ok) throw new Error(result.rejection.code);
  return result.state;
}

describe('the engine state a projection carries', () => {
  it('given a projected instance, then engineState leaves out the data and process the projection holds, and engineStateOf gives the whole state back', async () => {
    const state = await started();
    const doc = projectInstance('i-1', compiled, state, {}, { seq: 1, hash: 'h' }, at, at);
    const stored = JSON.parse(doc.engineState!) as { state: Record<string, unknown> };
    expect(stored.state).not.toHaveProperty('data');
    expect(stored.state).not.toHaveProperty('process');
    expect(stored).not.toHaveProperty('process');
    expect(engineStateOf(doc)).toEqual({
      process: { key: compiled.definition.key, version: compiled.definition.version },
      state,
      clocks: {},
    });
  });

  it('given a projection written before the snapshot was trimmed (data and process inside), then it reads as written', async () => {
    const state = await started();
    const process = { key: compiled.definition.key, version: compiled.definition.version };
    const doc = {
      ...projectInstance('i-2', compiled, state, {}, { seq: 1, hash: 'h' }, at, at),
      data: { title: 'changed since' },
      engineState: JSON.stringify({ process, state, clocks: {} }),
    };
    expect(engineStateOf(doc)).toEqual({ process, state, clocks: {} });
  });

  it('given a projection without engineState, then there is no snapshot to read', async () => {
    const state = await started();
    const { engineState: _none, ...doc } = projectInstance('i-3', compiled, state, {}, { seq: 1, hash: 'h' }, at, at);
    expect(engineStateOf(doc)).toBeNull();
  });
});
