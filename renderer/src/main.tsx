import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { getLocale } from './i18n';
import { VShipApp } from './App';
import { installWindowFileDrop } from './hooks/useWindowFileDrop';

// Windows system fonts first (the product runs there), then the CJK fonts of other systems.
const FONT = '"Microsoft YaHei UI", "Microsoft YaHei", "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif';

const theme: ThemeConfig = {
  token: {
    fontFamily: FONT,
    fontSize: 13,
    borderRadius: 4,
    colorPrimary: '#1664d9',
    colorBgLayout: '#f3f5f8',
  },
  components: {
    Segmented: { itemSelectedColor: '#1664d9' },
    Table: { cellPaddingBlockSM: 6 },
  },
};

// Before the first render, so a file dropped while the app opens is neither lost nor opened by the browser.
installWindowFileDrop();

const locale = getLocale();
document.documentElement.lang = locale;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp className="ant-app-root">
        <VShipApp />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
