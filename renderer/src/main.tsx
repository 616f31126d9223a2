import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { getLocale } from './i18n';
import { applyTokens } from './ui/tokens';
import { theme } from './ui/theme';
import { installWindowFileDrop } from './lib/useWindowFileDrop';
import { ShopProvider } from './features/shops';
import { VShipApp } from './app/App';

// The design tokens as CSS custom properties, before anything is drawn.
applyTokens();

// Before the first render, so a file dropped while the app opens is neither lost nor opened by the browser.
installWindowFileDrop();

const locale = getLocale();
document.documentElement.lang = locale;
// antd's date pickers take their month and week names from dayjs' locale, not from the ConfigProvider.
dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp className="ant-app-root">
        <ShopProvider>
          <VShipApp />
        </ShopProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
