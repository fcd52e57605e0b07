import { App, Button, Flex, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../api/client.ts';
import { useFormat } from '../../app/format.ts';
import { useGroups, useUsers } from './console-queries.ts';
import { CreateGroupDialog, MembersDialog } from './group-dialogs.tsx';
import { groupName } from './group-name.ts';
import { TagList } from './tag-list.tsx';
import { ConsoleTablePage, createdAtColumn } from './console-table-page.tsx';

/** The console's groups: list with members, create, set members. */
export function GroupsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const groups = useGroups();
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Group>();
  const names = useMemo(() => new Map((users.data ?? []).map((user) => [user.id, user.displayName])), [users.data]);
  const other = i18n.language === 'zh' ? 'en' : 'zh';

  return (
    <ConsoleTablePage<Group>
      section="groups"
      onNew={() => setCreating(true)}
      query={groups}
      toolbar={
        <>
          {groups.data && groups.data.length > 0 && (
            <Typography.Paragraph type="secondary" className="cf-toolbar">
              {t('console:groups.count', { count: groups.data.length })}
            </Typography.Paragraph>
          )}
        </>
      }
      columns={[
        {
          title: t('console:groups.name'),
          key: 'name',
          render: (_value, group) => (
            <Flex vertical>
              <Typography.Text strong>{groupName(group, i18n.language)}</Typography.Text>
              <Typography.Text type="secondary" lang={other === 'zh' ? 'zh-CN' : 'en'}>
                {group.name[other]}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: t('console:groups.id'), key: 'id', render: (_value, group) => <code>{group.id}</code> },
        {
          title: t('console:groups.members'),
          key: 'members',
          render: (_value, group) => (
            <TagList
              tags={group.members.map((id) => ({ key: id, label: names.get(id) ?? id }))}
              empty={t('console:groups.noMembers')}
            />
          ),
        },
        createdAtColumn<Group>(t, format.dateTime),
        {
          title: t('console:groups.actions'),
          key: 'actions',
          render: (_value, group) => (
            <Button
              icon={<TeamOutlined aria-hidden />}
              aria-label={`${t('console:groups.editMembers')}: ${groupName(group, i18n.language)}`}
              onClick={() => setEditing(group)}
            >
              {t('console:groups.editMembers')}
            </Button>
          ),
        },
      ]}
    >
      <CreateGroupDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(group) =>
          void message.success(t('console:groups.created', { name: groupName(group, i18n.language) }))
        }
      />
      <MembersDialog
        group={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(group) =>
          void message.success(t('console:groups.membersSaved', { name: groupName(group, i18n.language) }))
        }
      />
    </ConsoleTablePage>
  );
}
