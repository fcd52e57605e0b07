import { Alert } from 'antd';
import type { ReactNode } from 'react';

/** A refused request's message above its form, with the problem's code when there is one. */
export function ProblemAlert({
  message,
  code,
  action,
}: {
  message: string;
  code?: string | undefined;
  action?: ReactNode;
}) {
  return (
    <Alert
      className="cf-gap"
      type="error"
      showIcon
      role="alert"
      title={message}
      description={code ? <code>{code}</code> : undefined}
      action={action}
    />
  );
}
