// First: every <style> created from here on carries the CSP nonce.
import { cspNonce } from './csp';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app/App';

dayjs.locale('zh-cn');

// Users who ask their system for less motion (WCAG 2.3.3) get Ant Design without animations: dialogs,
// dropdowns and messages appear and leave at once. The browser tests ask for it too, so a click never
// lands on an option list or dialog that is still zooming in.
const motion = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      csp={cspNonce ? { nonce: cspNonce } : undefined}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1f5fbf', motion } }}
    >
      <AntApp>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
