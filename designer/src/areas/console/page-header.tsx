import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A console page's title (the page's one h1), what it is for, and its main action. */
export function PageHeader({ title, intro, extra }: { title: string; intro: string; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" gap="middle" wrap className="cf-page-header">
      <div className="cf-page-header-text">
        <Typography.Title level={1}>{title}</Typography.Title>
        <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      </div>
      {extra}
    </Flex>
  );
}
