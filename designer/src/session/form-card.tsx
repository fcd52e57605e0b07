import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The narrow card of the signed-out pages (sign-in, first-run setup): title, notices, form. */
export function FormCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <div className="cf-page cf-narrow">
      <Card>
        <Typography.Title level={1} className="cf-card-title">
          {title}
        </Typography.Title>
        {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
        {children}
      </Card>
    </div>
  );
}
