import { Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

/** The server's username rule (application/src/accounts/roles.ts). */
const USERNAME = /^[a-z0-9][a-z0-9_-]{1,62}$/;
/** The server's password length (server/src/routes/session-routes.ts). */
export const PASSWORD_MIN = 10;

/** Rules the server also checks, checked here first so most mistakes show before a round trip. */
export function useAccountRules() {
  const { t } = useTranslation();
  const required: Rule = { required: true, whitespace: true, message: t('validation.required') };
  return {
    required,
    username: [required, { pattern: USERNAME, message: t('validation.username') }] satisfies Rule[],
    displayName: [required, { max: 200, message: t('validation.max', { max: 200 }) }] satisfies Rule[],
    password: [
      { required: true, message: t('validation.required') },
      { min: PASSWORD_MIN, message: t('validation.passwordLength', { min: PASSWORD_MIN }) },
      { max: 256, message: t('validation.max', { max: 256 }) },
    ] satisfies Rule[],
  };
}

/** Username, display name and password (twice): the fields of a new account. */
export function NewAccountFields({ passwordLabel }: { passwordLabel?: string }) {
  const { t } = useTranslation();
  const rules = useAccountRules();
  return (
    <>
      <Form.Item label={t('fields.username')} name="username" rules={rules.username} extra={t('fields.usernameHint')}>
        <Input autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item label={t('fields.displayName')} name="displayName" rules={rules.displayName}>
        <Input autoComplete="off" />
      </Form.Item>
      <PasswordFields label={passwordLabel ?? t('fields.password')} />
    </>
  );
}

/** A new password and its confirmation, which must match. */
export function PasswordFields({ label }: { label: string }) {
  const { t } = useTranslation();
  const rules = useAccountRules();
  return (
    <>
      <Form.Item label={label} name="password" rules={rules.password} hasFeedback>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('fields.confirmPassword')}
        name="confirmPassword"
        dependencies={['password']}
        hasFeedback
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || getFieldValue('password') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.passwordsDiffer'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** The account's language (the server's `locale`). */
export function LocaleField() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('fields.locale')} name="locale">
      <Select
        options={[
          { value: 'en', label: 'English' },
          { value: 'zh', label: '简体中文' },
        ]}
      />
    </Form.Item>
  );
}
