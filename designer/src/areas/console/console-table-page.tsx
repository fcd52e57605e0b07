import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayProblem } from '../../api/problem.ts';
import { PageHeader } from './page-header.tsx';

interface ConsoleTablePageProps<T> {
  /** The section's texts in the console namespace: `title`, `intro`, `new` (the main action), `empty`. */
  section: 'users' | 'groups' | 'tokens';
  /** The main action: create a row. */
  onNew: () => void;
  /** The list's query: its rows, loading state and failure. */
  query: { data?: T[] | undefined; isPending: boolean; isError: boolean; error: unknown };
  /** The rows shown when they are a filtered part of the query's. */
  rows?: T[];
  toolbar?: ReactNode;
  columns: TableColumnsType<T>;
  /** The page's dialogs. */
  children?: ReactNode;
}

/** A console page: title, purpose and "new" action above a table with loading, empty and failed states. */
export function ConsoleTablePage<T extends { id: string }>(props: ConsoleTablePageProps<T>) {
  const { t } = useTranslation();
  const { query, section } = props;
  return (
    <>
      <PageHeader
        title={t(`console:${section}.title`)}
        intro={t(`console:${section}.intro`)}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={props.onNew}>
            {t(`console:${section}.new`)}
          </Button>
        }
      />
      {props.toolbar}
      <Table<T>
        rowKey="id"
        loading={query.isPending}
        dataSource={props.rows ?? query.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: query.isError ? (
            displayProblem(query.error, t, []).message
          ) : (
            <Empty description={t(`console:${section}.empty`)} />
          ),
        }}
        columns={props.columns}
      />
      {props.children}
    </>
  );
}

/** The "created" column every console table ends with, in the user's language and time zone. */
export function createdAtColumn<T extends { createdAt: string }>(
  t: (key: string) => string,
  dateTime: (value: string) => string,
): TableColumnsType<T>[number] {
  return {
    title: t('fields.createdAt'),
    key: 'createdAt',
    responsive: ['md'],
    render: (_value, row) => dateTime(row.createdAt),
  };
}
