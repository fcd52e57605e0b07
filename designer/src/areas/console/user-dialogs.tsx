import { Checkbox, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/client.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { LocaleField, NewAccountFields, PasswordFields, useAccountRules } from '../../session/account-fields.tsx';
import { useCreateUser, useGroups, useUpdateUser, type NewUser, type UserChange } from './console-queries.ts';
import { creating, FormDialog, type CreateDialogProps } from './form-dialog.tsx';
import { groupName } from './group-name.ts';
import { PickManyField } from './pick-many-field.tsx';

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
    <PickManyField
      label={t('fields.groups')}
      name="groups"
      loading={groups.isPending}
      options={(groups.data ?? []).map((group) => ({ value: group.id, label: groupName(group, i18n.language) }))}
    />
  );
}

type CreateValues = NewUser & { confirmPassword: string };

/** Creates a user: account, roles, groups and language. */
export function CreateUserDialog(props: CreateDialogProps<User>) {
  const { t } = useTranslation();
  const create = useCreateUser();
  return (
    <FormDialog<CreateValues>
      {...creating(t, 'users', props)}
      fields={['username', 'displayName', 'password', 'roles', 'groups', 'locale']}
      initialValues={{ roles: ['requester'], groups: [], locale: currentLanguage() }}
      onSubmit={async ({ confirmPassword: _confirm, ...values }) =>
        props.onCreated(
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

interface ChangeDialogProps {
  user: User | undefined;
  onClose: () => void;
  onSaved: () => void;
}

/** A dialog that changes one user (`PATCH /api/users/{id}`) with what its form holds. */
function ChangeUserDialog<V extends object>(
  props: ChangeDialogProps & {
    title: string;
    fields: readonly string[];
    initialValues?: Partial<V>;
    toChange: (values: V) => UserChange;
    children: ReactNode;
  },
) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const { user } = props;
  return (
    <FormDialog<V>
      title={props.title}
      okText={t('console:users.save')}
      open={user !== undefined}
      onClose={props.onClose}
      fields={props.fields}
      {...(props.initialValues ? { initialValues: props.initialValues } : {})}
      onSubmit={async (values) => {
        if (!user) return;
        await update.mutateAsync({ id: user.id, change: props.toChange(values) });
        props.onSaved();
      }}
    >
      {props.children}
    </FormDialog>
  );
}

/** Changes a user's name, roles, groups and language. */
export function EditUserDialog(props: ChangeDialogProps) {
  const { t } = useTranslation();
  const rules = useAccountRules();
  const { user } = props;
  return (
    <ChangeUserDialog<EditValues>
      {...props}
      title={t('console:users.editTitle', { name: user?.displayName })}
      fields={['displayName', 'roles', 'groups', 'locale']}
      {...(user
        ? {
            initialValues: {
              displayName: user.displayName,
              roles: user.roles,
              groups: user.groups,
              locale: user.locale,
            },
          }
        : {})}
      toChange={(values) => ({ ...values, displayName: values.displayName.trim() })}
    >
      <Form.Item label={t('fields.displayName')} name="displayName" rules={rules.displayName}>
        <Input autoComplete="off" />
      </Form.Item>
      <RolesField />
      <GroupsField />
      <LocaleField />
    </ChangeUserDialog>
  );
}

/** Sets a new password; the server signs the user out everywhere. */
export function ResetPasswordDialog(props: ChangeDialogProps) {
  const { t } = useTranslation();
  return (
    <ChangeUserDialog<{ password: string; confirmPassword: string }>
      {...props}
      title={t('console:users.resetTitle', { name: props.user?.displayName })}
      fields={['password']}
      toChange={({ password }) => ({ password })}
    >
      <PasswordFields label={t('fields.newPassword')} />
    </ChangeUserDialog>
  );
}
