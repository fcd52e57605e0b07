import { Flex, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface MessagePageProps {
  status?: '403' | '404' | 'info';
  icon?: ReactNode;
  /** The key whose `title` and `text` say it (interpolated with `values`). */
  texts: string;
  values?: Record<string, string>;
  /** A heading instead of the plain title (a page whose message is its only content). */
  heading?: boolean;
  /** Where the user may go from here. */
  links: readonly { to: string; label: string }[];
}

/** A page that is only a message (not found, not allowed, coming soon) and the ways on. */
export function MessagePage({ status, icon, texts, values, heading, links }: MessagePageProps) {
  const { t } = useTranslation();
  const title = t(`${texts}.title`, values ?? {});
  const text = t(`${texts}.text`, values ?? {});
  return (
    <div className="cf-page">
      <Result
        {...(status ? { status } : {})}
        {...(icon ? { icon } : {})}
        title={heading ? <h1 className="cf-result-title">{title}</h1> : title}
        subTitle={text}
        extra={
          links.length > 0 && (
            <Flex gap="middle" justify="center" wrap>
              {links.map((link) => (
                <Link key={link.to} to={link.to}>
                  {link.label}
                </Link>
              ))}
            </Flex>
          )
        }
      />
    </div>
  );
}
