import incident from '../../examples/incident.json' with { type: 'json' };
import type { Definition } from '../format/definition.ts';

/**
 * A fresh deep copy of the incident example, for tests that mutate it into the case they need.
 * Not exported by the package.
 */
export function incidentExample(): Definition {
  return JSON.parse(JSON.stringify(incident)) as Definition;
}
