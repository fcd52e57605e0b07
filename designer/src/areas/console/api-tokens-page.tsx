import { App, Button, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/client.ts';
import { displayProblem } from '../../api/problem.ts';
import { useFormat } from '../../app/format.ts';
import { CreateApiTokenDialog, SecretDialog } from './api-token-dialogs.tsx';
import { useApiTokens, useRevokeApiToken, useUsers } from './console-queries.ts';
import { ConsoleTablePage, createdAtColumn } from './console-table-page.tsx';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiToken, now: number): TokenState {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt && Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}

const TAG_CLASS: Record<TokenState, string> = { active: 'cf-tag-on', revoked: 'cf-tag-off', expired: 'cf-tag-off' };

/** The console's API tokens: list, create (the secret shown once), revoke. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const tokens = useApiTokens();
  const users = useUsers();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ token: ApiToken; secret: string }>();
  const names = useMemo(() => new Map((users.data ?? []).map((user) => [user.id, user.displayName])), [users.data]);
  const now = Date.now();

  function confirmRevoke(token: ApiToken): void {
    modal.confirm({
      title: t('console:tokens.revokeFor', { name: token.name }),
      content: t('console:tokens.revokeConfirm', { name: token.name }),
      okText: t('console:tokens.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('console:tokens.cancel'),
      onOk: () =>
        revoke
          .mutateAsync(token.id)
          .then(() => message.success(t('console:tokens.revokedDone', { name: token.name })))
          .catch((error: unknown) => message.error(displayProblem(error, t, []).message)),
    });
  }

  return (
    <ConsoleTablePage<ApiToken>
      section="tokens"
      onNew={() => setCreating(true)}
      query={tokens}
      columns={[
        {
          title: t('console:tokens.name'),
          key: 'name',
          render: (_value, token) => <Typography.Text strong>{token.name}</Typography.Text>,
        },
        {
          title: t('console:tokens.actsAs'),
          key: 'user',
          render: (_value, token) => names.get(token.userId) ?? token.userId,
        },
        {
          title: t('console:tokens.status'),
          key: 'status',
          render: (_value, token) => {
            const state = stateOf(token, now);
            return <Tag className={TAG_CLASS[state]}>{t(`console:tokens.${state}`)}</Tag>;
          },
        },
        {
          title: t('console:tokens.expires'),
          key: 'expires',
          render: (_value, token) => (token.expiresAt ? format.dateTime(token.expiresAt) : t('console:tokens.never')),
        },
        {
          title: t('console:tokens.createdBy'),
          key: 'createdBy',
          responsive: ['md'],
          render: (_value, token) => names.get(token.createdBy) ?? token.createdBy,
        },
        createdAtColumn<ApiToken>(t, format.dateTime),
        {
          title: t('console:tokens.actions'),
          key: 'actions',
          render: (_value, token) =>
            stateOf(token, now) === 'active' && (
              <Button
                danger
                aria-label={t('console:tokens.revokeFor', { name: token.name })}
                onClick={() => confirmRevoke(token)}
              >
                {t('console:tokens.revoke')}
              </Button>
            ),
        },
      ]}
    >
      <CreateApiTokenDialog open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <SecretDialog created={created} onClose={() => setCreated(undefined)} />
    </ConsoleTablePage>
  );
}
