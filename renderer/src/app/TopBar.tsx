/** The window's top bar: app name, the screens (订单, 商品与卡库, 规则检查, 发货记录, 凭证), shop switcher, import button. */
import { Button, Segmented, Tooltip } from 'antd';
import { AuditOutlined, DatabaseOutlined, FileDoneOutlined, ProfileOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { getLocale, switchLocale, t } from '../i18n';
import { ShopSwitcher } from '../features/shops';

export type AppView = 'orders' | 'stock' | 'rules' | 'exports' | 'evidence';

export function TopBar({ view, onView, attention, blocked, shipAttention, onImport, importing }: {
  view: AppView;
  onView: (v: AppView) => void;
  /** Products short of stock: shown as a count on the 商品与卡库 tab. */
  attention: number;
  /** Orders a rule blocks: shown as a count on the 规则检查 tab. */
  blocked: number;
  /** Exported orders that need a look (上传失败, 需处理): shown as a count on the 发货记录 tab. */
  shipAttention: number;
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
      <Segmented<AppView>
        className="view-switch"
        value={view}
        onChange={onView}
        options={[
          { value: 'orders', label: <span className="view-tab" data-testid="nav-orders"><ProfileOutlined />{t('nav.orders')}</span> },
          {
            value: 'stock',
            label: (
              <span className="view-tab" data-testid="nav-stock">
                <DatabaseOutlined />{t('nav.stock')}
                {attention > 0 && <span className="view-badge" title={t('nav.shortTip', { count: attention })}>{attention}</span>}
              </span>
            ),
          },
          {
            value: 'rules',
            label: (
              <span className="view-tab" data-testid="nav-rules">
                <SafetyCertificateOutlined />{t('nav.rules')}
                {blocked > 0 && <span className="view-badge" data-testid="nav-rules-badge" title={t('nav.rulesTip', { count: blocked })}>{blocked}</span>}
              </span>
            ),
          },
          {
            value: 'exports',
            label: (
              <span className="view-tab" data-testid="nav-exports">
                <FileDoneOutlined />{t('nav.exports')}
                {shipAttention > 0 && <span className="view-badge" data-testid="nav-exports-badge" title={t('nav.exportsTip', { count: shipAttention })}>{shipAttention}</span>}
              </span>
            ),
          },
          { value: 'evidence', label: <span className="view-tab" data-testid="nav-evidence"><AuditOutlined />{t('nav.evidence')}</span> },
        ]}
        data-testid="nav"
      />
      <div className="top-bar-actions">
        <ShopSwitcher disabled={importing} />
        <Tooltip title={t('import.buttonTip')} placement="bottomRight">
          <Button type="primary" icon={<UploadOutlined />} onClick={onImport} loading={importing} disabled={importing} data-testid="import-button">
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
