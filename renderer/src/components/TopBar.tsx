/** The window's top bar: app name, shop switcher, import button. */
import { Button, Tooltip } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Shop } from '../../../shared/domain';
import { getLocale, switchLocale, t } from '../i18n';
import { ShopSwitcher } from './ShopSwitcher';

export function TopBar({ shops, currentShopId, onSwitchShop, onShopCreated, onImport, importing }: {
  shops: Shop[];
  currentShopId: number | null;
  onSwitchShop: (id: number) => void;
  onShopCreated: (shop: Shop) => void;
  onImport: () => void;
  importing: boolean;
}) {
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>V</span>
        <span className="brand-name">{t('app.brand')}</span>
        <span className="brand-sub">{t('app.name')}</span>
      </div>
      <div className="top-bar-actions">
        <ShopSwitcher shops={shops} currentShopId={currentShopId} onSwitch={onSwitchShop} onCreated={onShopCreated} disabled={importing} />
        <Tooltip title={t('import.buttonTip')} placement="bottomRight">
          <Button type="primary" icon={<UploadOutlined />} onClick={onImport} loading={importing} data-testid="import-button">
            {t('import.button')}
          </Button>
        </Tooltip>
        <Button type="text" size="small" className="lang-switch" onClick={() => switchLocale(getLocale() === 'en' ? 'zh-CN' : 'en')}>
          {t('lang.switch')}
        </Button>
      </div>
    </header>
  );
}
