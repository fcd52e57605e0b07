import { Button, Form } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { showProblem } from '../api/problem.ts';
import { currentLanguage, type Language } from '../app/i18n.ts';
import { MessagePage } from '../app/message-page.tsx';
import { ProblemAlert } from '../app/problem-alert.tsx';
import { LocaleField, NewAccountFields } from './account-fields.tsx';
import { FormCard } from './form-card.tsx';
import { useSignIn } from './session.ts';

interface SetupForm {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
  locale: Language;
}

const FIELDS = ['username', 'displayName', 'password', 'locale'];

function tokenFromHash(): string | undefined {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? undefined;
}

/**
 * First run: the one-time link the server prints (`/setup#token=…`) opens this form, which creates
 * the first administrator and signs them in. The token is in the fragment, so it never reaches a
 * server log; it is removed from the address bar once read.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [token] = useState(tokenFromHash);
  const [form] = Form.useForm<SetupForm>();
  const [failure, setFailure] = useState<{ message: string; done: boolean }>();
  const signIn = useSignIn();
  const setup = useMutation({
    mutationFn: (values: SetupForm & { token: string }) =>
      unwrap(
        api.POST('/api/setup', {
          body: {
            token: values.token,
            username: values.username,
            displayName: values.displayName.trim(),
            password: values.password,
            locale: values.locale,
          },
        }),
      ),
  });

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);

  if (!token) {
    return <MessagePage status="info" texts="noSetupLink" links={[{ to: '/sign-in', label: t('session.signIn') }]} />;
  }

  function submit(values: SetupForm): void {
    if (!token) return;
    setFailure(undefined);
    setup.mutate(
      { ...values, token },
      {
        onSuccess: () =>
          signIn.mutate(
            { username: values.username, password: values.password },
            { onSuccess: () => void navigate('/console', { replace: true }) },
          ),
        onError: (error) => {
          const shown = showProblem(form, error, t, FIELDS);
          if (shown.code === 'SETUP_ALREADY_DONE') setFailure({ message: t('setup.alreadyDone'), done: true });
          else if (shown.code === 'UNAUTHENTICATED') setFailure({ message: t('setup.badToken'), done: false });
          else if (shown.message) setFailure({ message: shown.message, done: false });
        },
      },
    );
  }

  return (
    <FormCard title={t('setup.title')} intro={t('setup.intro')}>
      {failure && (
        <ProblemAlert
          message={failure.message}
          action={failure.done ? <Link to="/sign-in">{t('session.signIn')}</Link> : undefined}
        />
      )}
      <Form<SetupForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ locale: currentLanguage() }}
        requiredMark={false}
      >
        <NewAccountFields />
        <LocaleField />
        <Button type="primary" htmlType="submit" block loading={setup.isPending || signIn.isPending}>
          {t('setup.submit')}
        </Button>
      </Form>
    </FormCard>
  );
}
