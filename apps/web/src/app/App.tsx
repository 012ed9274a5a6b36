import { Grid, Layout, Spin } from 'antd';
import { ComponentType, lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { HomePage } from '../features/catalogue/HomePage';
// The header's bell (and with it the notifications page) is in the entry chunk anyway.
import { NotificationsPage } from '../features/notification/NotificationsPage';
import { RequireRole } from './RequireRole';
import { AppHeader } from './AppHeader';

/** A page loaded with its role area's chunk the first time it is shown (the home page ships in the entry). */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

const LoginPage = page(() => import('../features/identity/LoginPage'), 'LoginPage');
const RegisterPage = page(() => import('../features/identity/RegisterPage'), 'RegisterPage');
const PlatformDetailPage = page(() => import('./PlatformDetailPage'), 'PlatformDetailPage');
const ServiceDetailPage = page(() => import('../features/catalogue/ServiceDetailPage'), 'ServiceDetailPage');
const SmeHome = page(() => import('./SmeHome'), 'SmeHome');
const NewDemandPage = page(() => import('../features/demand/NewDemandPage'), 'NewDemandPage');
const DemandPage = page(() => import('../features/demand/DemandPage'), 'DemandPage');
const OrderPage = page(() => import('./OrderPage'), 'OrderPage');
const PlatformHome = page(() => import('./PlatformHome'), 'PlatformHome');
const BureauHome = page(() => import('./BureauHome'), 'BureauHome');
const AdminHome = page(() => import('./AdminHome'), 'AdminHome');
const InstituteHome = page(() => import('./InstituteHome'), 'InstituteHome');
const NewResultPage = page(() => import('../features/research/NewResultPage'), 'NewResultPage');
const ResultsPage = page(() => import('../features/research/ResultsPage'), 'ResultsPage');
const ResultPage = page(() => import('../features/research/ResultPage'), 'ResultPage');
const PoliciesPage = page(() => import('../features/research/PoliciesPage'), 'PoliciesPage');
const PolicyPage = page(() => import('../features/research/PolicyPage'), 'PolicyPage');
const PublicNoticePage = page(() => import('../features/voucher/PublicNoticePage'), 'PublicNoticePage');

const pageLoading = (
  <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }} data-testid="page-loading">
    <Spin size="large" tip="加载中…">
      <div style={{ width: 120, height: 60 }} />
    </Spin>
  </div>
);

export function App() {
  // On a phone the page keeps a narrow margin: every pixel of 375 counts.
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout.Content style={{ padding: wide ? 16 : 8, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={pageLoading}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/platforms/:id" element={<PlatformDetailPage />} />
            <Route path="/services/:id" element={<ServiceDetailPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/public-notice/:programId" element={<PublicNoticePage />} />
            <Route path="/results" element={<ResultsPage />} />
            <Route path="/results/:id" element={<ResultPage />} />
            <Route path="/policies" element={<PoliciesPage />} />
            <Route path="/policies/:id" element={<PolicyPage />} />
            <Route path="/institute" element={<RequireRole kinds={['INSTITUTE']} element={<InstituteHome />} />} />
            <Route
              path="/institute/results/new"
              element={<RequireRole kinds={['INSTITUTE']} element={<NewResultPage />} />}
            />
            <Route
              path="/notifications"
              element={
                <RequireRole
                  kinds={['SME', 'PLATFORM_OPERATOR', 'BUREAU', 'ADMIN', 'INSTITUTE']}
                  element={<NotificationsPage />}
                />
              }
            />
            <Route path="/sme" element={<RequireRole kinds={['SME']} element={<SmeHome />} />} />
            <Route path="/sme/demands/new" element={<RequireRole kinds={['SME']} element={<NewDemandPage />} />} />
            <Route path="/sme/demands/:id" element={<RequireRole kinds={['SME']} element={<DemandPage />} />} />
            <Route
              path="/orders/:id"
              element={<RequireRole kinds={['SME', 'INSTITUTE', 'PLATFORM_OPERATOR']} element={<OrderPage />} />}
            />
            <Route
              path="/platform"
              element={<RequireRole kinds={['PLATFORM_OPERATOR']} element={<PlatformHome />} />}
            />
            <Route path="/bureau" element={<RequireRole kinds={['BUREAU', 'ADMIN']} element={<BureauHome />} />} />
            <Route path="/admin" element={<RequireRole kinds={['ADMIN']} element={<AdminHome />} />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>中试通 PilotLink · 中试服务供需对接与服务券平台</Layout.Footer>
    </Layout>
  );
}
