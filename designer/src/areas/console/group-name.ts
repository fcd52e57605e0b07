import type { Group } from '../../api/client.ts';

/** A group's name in the app's language. */
export function groupName(group: Pick<Group, 'name'>, language: string): string {
  return language === 'zh' ? group.name.zh : group.name.en;
}
