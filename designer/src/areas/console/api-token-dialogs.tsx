import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/client.ts';
import { useSession } from '../../session/session.ts';
import { useCreateApiToken, useUsers } from './console-queries.ts';
import { creating, FormDialog, type CreateDialogProps } from './form-dialog.tsx';

const LIFETIMES = [30, 90, 365] as const;
const DAY_MS = 86_400_000;

interface NewToken {
  name: string;
  userId: string;
  /** Days of validity, or 0 for never expiring. */
  days: number;
}

/** Creates an API token: its purpose, the user it acts as, and how long it lives. */
export function CreateApiTokenDialog(props: CreateDialogProps<{ token: ApiToken; secret: string }>) {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const users = useUsers();
  const create = useCreateApiToken();
  return (
    <FormDialog<NewToken>
      {...creating(t, 'tokens', props)}
      fields={['name', 'userId']}
      initialValues={{ userId: me?.id ?? '', days: 90 }}
      onSubmit={async ({ name, userId, days }) =>
        props.onCreated(
          await create.mutateAsync({
            name: name.trim(),
            userId,
            ...(days > 0 ? { expiresAt: new Date(Date.now() + days * DAY_MS).toISOString() } : {}),
          }),
        )
      }
    >
      <Form.Item
        label={t('console:tokens.name')}
        name="name"
        extra={t('console:tokens.nameHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 200, message: t('validation.max', { max: 200 }) },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('console:tokens.actsAs')}
        name="userId"
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={users.isPending}
          options={(users.data ?? [])
            .filter((user) => !user.disabled)
            .map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
        />
      </Form.Item>
      <Form.Item label={t('console:tokens.lifetime')} name="days">
        <Select
          options={[
            ...LIFETIMES.map((days) => ({ value: days, label: t('console:tokens.days', { count: days }) })),
            { value: 0, label: t('console:tokens.never') },
          ]}
        />
      </Form.Item>
    </FormDialog>
  );
}

/** Shows a new token's secret, the only time it is ever shown, with a copy button. */
export function SecretDialog({
  created,
  onClose,
}: {
  created: { token: ApiToken; secret: string } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== undefined}
      title={t('console:tokens.secretTitle', { name: created?.token.name })}
      onOk={onClose}
      onCancel={onClose}
      okText={t('console:tokens.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert className="cf-gap" type="warning" showIcon title={t('console:tokens.secretWarning')} />
      <Typography.Text strong id="cf-token-secret-label">
        {t('console:tokens.secretLabel')}
      </Typography.Text>
      <Typography.Paragraph
        copyable={{ text: created?.secret ?? '' }}
        code
        className="cf-secret"
        aria-labelledby="cf-token-secret-label"
        data-testid="token-secret"
      >
        {created?.secret}
      </Typography.Paragraph>
    </Modal>
  );
}
