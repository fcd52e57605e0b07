import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/client.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { LocaleField, NewAccountFields, PasswordFields, useAccountRules } from '../../session/account-fields.tsx';
import { useCreateUser, useGroups, useUpdateUser, type NewUser } from './console-queries.ts';
import { FormDialog } from './form-dialog.tsx';
import { groupName } from './group-name.ts';

const ROLES = ['admin', 'process-owner', 'agent', 'requester'] as const;

/** The platform roles as labelled checkboxes. */
function RolesField() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('fields.roles')} name="roles" extra={t('console:users.rolesHint')}>
      <Checkbox.Group options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
    </Form.Item>
  );
}

/** The groups a user belongs to, picked by name. */
function GroupsField() {
  const { t, i18n } = useTranslation();
  const groups = useGroups();
  return (
    <Form.Item label={t('fields.groups')} name="groups">
      <Select
        mode="multiple"
        allowClear
        loading={groups.isPending}
        optionFilterProp="label"
        options={(groups.data ?? []).map((group) => ({ value: group.id, label: groupName(group, i18n.language) }))}
      />
    </Form.Item>
  );
}

type CreateValues = NewUser & { confirmPassword: string };

/** Creates a user: account, roles, groups and language. */
export function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  return (
    <FormDialog<CreateValues>
      title={t('console:users.createTitle')}
      okText={t('console:users.create')}
      open={open}
      onClose={onClose}
      fields={['username', 'displayName', 'password', 'roles', 'groups', 'locale']}
      initialValues={{ roles: ['requester'], groups: [], locale: currentLanguage() }}
      onSubmit={async ({ confirmPassword: _confirm, ...values }) =>
        onCreated(
          await create.mutateAsync({ ...values, displayName: values.displayName.trim(), groups: values.groups ?? [] }),
        )
      }
    >
      <NewAccountFields />
      <RolesField />
      <GroupsField />
      <LocaleField />
    </FormDialog>
  );
}

type EditValues = Pick<User, 'displayName' | 'roles' | 'groups' | 'locale'>;

/** Changes a user's name, roles, groups and language. */
export function EditUserDialog({
  user,
  onClose,
  onSaved,
}: {
  user: User | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const rules = useAccountRules();
  return (
    <FormDialog<EditValues>
      title={t('console:users.editTitle', { name: user?.displayName })}
      okText={t('console:users.save')}
      open={user !== undefined}
      onClose={onClose}
      fields={['displayName', 'roles', 'groups', 'locale']}
      initialValues={
        user && { displayName: user.displayName, roles: user.roles, groups: user.groups, locale: user.locale }
      }
      onSubmit={async (values) => {
        if (!user) return;
        await update.mutateAsync({ id: user.id, change: { ...values, displayName: values.displayName.trim() } });
        onSaved();
      }}
    >
      <Form.Item label={t('fields.displayName')} name="displayName" rules={rules.displayName}>
        <Input autoComplete="off" />
      </Form.Item>
      <RolesField />
      <GroupsField />
      <LocaleField />
    </FormDialog>
  );
}

/** Sets a new password; the server signs the user out everywhere. */
export function ResetPasswordDialog({
  user,
  onClose,
  onSaved,
}: {
  user: User | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  return (
    <FormDialog<{ password: string; confirmPassword: string }>
      title={t('console:users.resetTitle', { name: user?.displayName })}
      okText={t('console:users.save')}
      open={user !== undefined}
      onClose={onClose}
      fields={['password']}
      onSubmit={async ({ password }) => {
        if (!user) return;
        await update.mutateAsync({ id: user.id, change: { password } });
        onSaved();
      }}
    >
      <PasswordFields label={t('fields.newPassword')} />
    </FormDialog>
  );
}
