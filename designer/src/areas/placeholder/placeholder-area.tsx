import { ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../../app/message-page.tsx';

/** The areas later issues build (13: designer, 15: portal and workspace), saying what is coming. */
export function placeholderPage(area: 'designer' | 'workspace' | 'portal') {
  return function PlaceholderPage() {
    const { t } = useTranslation();
    return (
      <MessagePage
        icon={<ToolOutlined aria-hidden className="cf-placeholder-icon" />}
        heading
        texts={`placeholder.${area}`}
        values={{ area: t(`areas.${area}`) }}
        links={[]}
      />
    );
  };
}
