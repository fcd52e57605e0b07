import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { showProblem } from '../api/problem.ts';
import { ProblemAlert } from '../app/problem-alert.tsx';
import { FormCard } from './form-card.tsx';
import { areasOf } from './roles.ts';
import { safeNext } from './safe-next.ts';
import { useSession, useSignIn, type Session } from './session.ts';

interface SignInForm {
  username: string;
  password: string;
}

function landing(session: Session, next: string | null): string {
  return safeNext(next) ?? (session ? areasOf(session.user)[0]?.path : undefined) ?? '/';
}

/** Sign-in: username and password; afterwards the page the user came from, else their first area. */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [form] = Form.useForm<SignInForm>();
  const [failure, setFailure] = useState<string>();
  const next = params.get('next');

  if (session.data && !signIn.isPending && !signIn.isSuccess)
    return <Navigate to={landing(session.data, next)} replace />;

  function submit(values: SignInForm): void {
    setFailure(undefined);
    signIn.mutate(values, {
      onSuccess: (signedIn) => void navigate(landing(signedIn, next), { replace: true }),
      onError: (error) => {
        const shown = showProblem(form, error, t, ['username', 'password']);
        setFailure(shown.code === 'UNAUTHENTICATED' ? t('session.wrongCredentials') : shown.message);
      },
    });
  }

  return (
    <FormCard title={t('session.signInTitle')}>
      {params.get('expired') === '1' && (
        <Alert className="cf-gap" type="warning" showIcon title={t('session.expired')} />
      )}
      {failure && <ProblemAlert message={failure} />}
      <Form<SignInForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('fields.username')}
          name="username"
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('fields.password')}
          name="password"
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          {t('session.signIn')}
        </Button>
      </Form>
    </FormCard>
  );
}
