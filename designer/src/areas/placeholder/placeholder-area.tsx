import { Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The areas later issues build (13: designer, 15: portal and workspace), saying what is coming. */
export function placeholderPage(area: 'designer' | 'workspace' | 'portal') {
  return function PlaceholderPage() {
    const { t } = useTranslation();
    return (
      <div className="cf-page">
        <Result
          icon={<ToolOutlined aria-hidden className="cf-placeholder-icon" />}
          title={<h1 className="cf-result-title">{t('placeholder.title', { area: t(`areas.${area}`) })}</h1>}
          subTitle={t(`placeholder.${area}`)}
        />
      </div>
    );
  };
}
