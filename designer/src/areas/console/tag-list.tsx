import { Flex, Tag, Typography } from 'antd';

/** Tags in a wrapping row, or a quiet text when there are none. */
export function TagList({
  tags,
  empty,
}: {
  tags: readonly { key: string; label: string; className?: string }[];
  empty: string;
}) {
  if (tags.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {tags.map((tag) => (
        <Tag key={tag.key} {...(tag.className ? { className: tag.className } : {})}>
          {tag.label}
        </Tag>
      ))}
    </Flex>
  );
}
