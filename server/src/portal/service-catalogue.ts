import { DefinitionStore } from '@clauseflow/runtime';
import type { Definition } from '@clauseflow/definition';
import type { AuthenticatedUser, Locale } from '@clauseflow/application';
import { processRolesOf, REQUESTER_SIDE_ROLES, type ProcessDocument, type ProcessStore } from '@clauseflow/application';
import { audienceOf, inAudience } from '@clauseflow/application';

/** The viewer as the catalogue sees them. */
export type Viewer = Pick<AuthenticatedUser, 'id' | 'roles' | 'groups'>;

/** One entry of the requester portal's service catalogue, in the viewer's language. */
export interface CatalogueEntry {
  /** The process key. */
  key: string;
  /** The published version a new request starts on. */
  version: number;
  title: string;
  description: string | null;
  /** The form a requester fills in to start a request (null: the process has none). */
  startForm: string | null;
  /** Where a request is started (POST). */
  startUrl: string;
}

/** The definition's requester-side role ids: `requester`, or any role tagged `requester`. */
function requesterRoles(definition: Definition): string[] {
  return definition.roles
    .filter((role) => REQUESTER_SIDE_ROLES.includes(role.id) || (role.tags ?? []).includes('requester'))
    .map((role) => role.id);
}

/**
 * May the viewer raise requests of the process from the portal? Admin may start any process;
 * anyone else needs a requester-side role of the definition granted in the process's settings,
 * to them or to one of their groups.
 */
export function mayRequest(viewer: Viewer, process: ProcessDocument, definition: Definition): boolean {
  if (viewer.roles.includes('admin')) return true;
  const requesterSide = requesterRoles(definition);
  return processRolesOf(viewer, process).some((role) => requesterSide.includes(role));
}

/** Is the process's entry shown to the viewer before its definition is read? Never retired; audience matched (admin sees all). */
export function listedFor(viewer: Viewer, process: ProcessDocument): boolean {
  if (process.retired) return false;
  return viewer.roles.includes('admin') || inAudience(viewer, audienceOf(process));
}

/**
 * The service catalogue for the viewer (ISO/IEC 20000-1 8.2.4): the published, not retired
 * processes whose audience includes the viewer's roles and organizations and which the viewer
 * may start, titled in `locale` from the newest published definition, sorted by title.
 */
export async function serviceCatalogue(
  stores: { processes: ProcessStore; definitions: DefinitionStore },
  viewer: Viewer,
  locale: Locale,
): Promise<CatalogueEntry[]> {
  const listed = (await stores.processes.list()).filter((process) => listedFor(viewer, process));
  const entries: CatalogueEntry[] = [];
  for (const process of listed) {
    const stored = await stores.definitions.latest(process._id);
    if (!stored) continue; // never published
    const definition = DefinitionStore.definitionOf(stored);
    if (!mayRequest(viewer, process, definition)) continue;
    entries.push({
      key: process._id,
      version: stored.version,
      title: definition.title[locale],
      description: definition.description?.[locale] ?? null,
      startForm: definition.startForm ?? null,
      startUrl: `/api/processes/${process._id}/records`,
    });
  }
  return entries.sort((a, b) => a.title.localeCompare(b.title, locale) || a.key.localeCompare(b.key));
}
