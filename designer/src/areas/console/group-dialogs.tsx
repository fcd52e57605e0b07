import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../api/client.ts';
import { useCreateGroup, useSetMembers, useUsers } from './console-queries.ts';
import { creating, FormDialog, type CreateDialogProps } from './form-dialog.tsx';
import { groupName } from './group-name.ts';
import { PickManyField } from './pick-many-field.tsx';

const GROUP_ID = /^[a-z0-9][a-z0-9_-]{1,62}$/;

interface NewGroup {
  id: string;
  name: { en: string; zh: string };
}

/** Creates a group: its stable id and its name in both languages. */
export function CreateGroupDialog(props: CreateDialogProps<Group>) {
  const { t } = useTranslation();
  const create = useCreateGroup();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const max = { max: 200, message: t('validation.max', { max: 200 }) };
  return (
    <FormDialog<NewGroup>
      {...creating(t, 'groups', props)}
      fields={['id', 'name']}
      onSubmit={async (values) =>
        props.onCreated(
          await create.mutateAsync({ id: values.id, name: { en: values.name.en.trim(), zh: values.name.zh.trim() } }),
        )
      }
    >
      <Form.Item
        label={t('console:groups.id')}
        name="id"
        extra={t('console:groups.idHint')}
        rules={[required, { pattern: GROUP_ID, message: t('validation.groupId') }]}
      >
        <Input autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item label={t('console:groups.nameEn')} name={['name', 'en']} rules={[required, max]}>
        <Input autoComplete="off" lang="en" />
      </Form.Item>
      <Form.Item label={t('console:groups.nameZh')} name={['name', 'zh']} rules={[required, max]}>
        <Input autoComplete="off" lang="zh-CN" />
      </Form.Item>
    </FormDialog>
  );
}

/** Sets a group's members from every user, picked by name. */
export function MembersDialog({
  group,
  onClose,
  onSaved,
}: {
  group: Group | undefined;
  onClose: () => void;
  onSaved: (group: Group) => void;
}) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const setMembers = useSetMembers();
  const name = group ? groupName(group, i18n.language) : '';
  return (
    <FormDialog<{ members: string[] }>
      title={t('console:groups.membersOf', { name })}
      okText={t('console:groups.save')}
      open={group !== undefined}
      onClose={onClose}
      fields={['members']}
      initialValues={{ members: group?.members ?? [] }}
      onSubmit={async ({ members }) => {
        if (!group) return;
        onSaved(await setMembers.mutateAsync({ id: group.id, members: members ?? [] }));
      }}
    >
      <PickManyField
        label={t('console:groups.membersPick')}
        name="members"
        loading={users.isPending}
        options={(users.data ?? []).map((user) => ({
          value: user.id,
          label: `${user.displayName} (${user.username})`,
        }))}
      />
    </FormDialog>
  );
}
