import { App, Button, Dropdown, Flex, Input, Space, Tag, Typography } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/client.ts';
import { displayProblem } from '../../api/problem.ts';
import { useFormat } from '../../app/format.ts';
import { useSession } from '../../session/session.ts';
import { useGroups, useUpdateUser, useUsers } from './console-queries.ts';
import { groupName } from './group-name.ts';
import { TagList } from './tag-list.tsx';
import { ConsoleTablePage, createdAtColumn } from './console-table-page.tsx';
import { CreateUserDialog, EditUserDialog, ResetPasswordDialog } from './user-dialogs.tsx';

function matches(user: User, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || user.username.includes(q) || user.displayName.toLowerCase().includes(q);
}

/** The console's users: list, search, create, edit roles and groups, reset password, disable. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const me = useSession().data?.user;
  const users = useUsers();
  const groups = useGroups();
  const update = useUpdateUser();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User>();
  const [resetting, setResetting] = useState<User>();
  const groupNames = useMemo(
    () => new Map((groups.data ?? []).map((group) => [group.id, groupName(group, i18n.language)])),
    [groups.data, i18n.language],
  );
  const shown = (users.data ?? []).filter((user) => matches(user, query));

  function setDisabled(user: User, disabled: boolean): void {
    const done = () =>
      update
        .mutateAsync({ id: user.id, change: { disabled } })
        .then(() =>
          message.success(
            t(disabled ? 'console:users.disabledDone' : 'console:users.enabledDone', { name: user.displayName }),
          ),
        )
        .catch((error: unknown) => message.error(displayProblem(error, t, []).message));
    if (!disabled) return void done();
    modal.confirm({
      title: t('console:users.disable'),
      content: t('console:users.disableConfirm', { name: user.displayName }),
      okText: t('console:users.disable'),
      okButtonProps: { danger: true },
      cancelText: t('console:users.cancel'),
      onOk: done,
    });
  }

  return (
    <ConsoleTablePage<User>
      section="users"
      onNew={() => setCreating(true)}
      query={users}
      rows={shown}
      toolbar={
        <>
          <Flex justify="space-between" align="center" wrap gap="small" className="cf-toolbar">
            <Input.Search
              aria-label={t('console:users.search')}
              placeholder={t('console:users.search')}
              allowClear
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              className="cf-search"
            />
            {users.data && (
              <Typography.Text type="secondary">
                {t('console:users.count', { count: users.data.length })}
              </Typography.Text>
            )}
          </Flex>
        </>
      }
      columns={[
        {
          title: t('fields.displayName'),
          key: 'name',
          render: (_value, user) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>
                {user.displayName}
                {user.id === me?.id && <Typography.Text type="secondary"> ({t('console:users.you')})</Typography.Text>}
              </Typography.Text>
              <Typography.Text type="secondary">{user.username}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('fields.roles'),
          key: 'roles',
          render: (_value, user) => (
            <TagList
              tags={user.roles.map((role) => ({
                key: role,
                label: t(`roles.${role}`),
                className: role === 'admin' ? 'cf-tag-admin' : 'cf-tag-role',
              }))}
              empty={t('console:users.noRoles')}
            />
          ),
        },
        {
          title: t('fields.groups'),
          key: 'groups',
          render: (_value, user) =>
            user.groups.map((id) => groupNames.get(id) ?? id).join(i18n.language === 'zh' ? '、' : ', '),
        },
        {
          title: t('fields.status'),
          key: 'status',
          render: (_value, user) =>
            user.disabled ? (
              <Tag className="cf-tag-off">{t('console:users.disabled')}</Tag>
            ) : (
              <Tag className="cf-tag-on">{t('console:users.active')}</Tag>
            ),
        },
        // A phone shows who, what and the actions; language and dates from a tablet's width up.
        {
          title: t('fields.locale'),
          key: 'locale',
          responsive: ['md'],
          render: (_value, user) => (user.locale === 'zh' ? '简体中文' : 'English'),
        },
        createdAtColumn<User>(t, format.dateTime),
        {
          title: t('console:users.actions'),
          key: 'actions',
          render: (_value, user) => (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'edit', label: t('console:users.edit'), onClick: () => setEditing(user) },
                  { key: 'reset', label: t('console:users.resetPassword'), onClick: () => setResetting(user) },
                  user.id === me?.id
                    ? null
                    : user.disabled
                      ? { key: 'enable', label: t('console:users.enable'), onClick: () => setDisabled(user, false) }
                      : {
                          key: 'disable',
                          danger: true,
                          label: t('console:users.disable'),
                          onClick: () => setDisabled(user, true),
                        },
                ],
              }}
            >
              <Button aria-label={t('console:users.actionsFor', { name: user.displayName })}>
                {t('console:users.actions')} <DownOutlined aria-hidden />
              </Button>
            </Dropdown>
          ),
        },
      ]}
    >
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => void message.success(t('console:users.created', { name: user.displayName }))}
      />
      <EditUserDialog
        user={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => void message.success(t('console:users.saved'))}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(undefined)}
        onSaved={() =>
          resetting && void message.success(t('console:users.passwordReset', { name: resetting.displayName }))
        }
      />
    </ConsoleTablePage>
  );
}
