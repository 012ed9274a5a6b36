import { Button, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import { ComponentType, lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setSession } from '../shared/api';
import { HomePage } from '../features/catalogue/HomePage';
// The header's bell (and with it the notifications page) is in the entry chunk anyway.
import { NotificationsPage } from '../features/notification/NotificationsPage';
import { NotificationBell } from '../features/notification/NotificationBell';
import { useSession } from '../shared/session';
import { ROLE_LABEL } from '../shared/labels/identity';
import { RequireRole } from './RequireRole';

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
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const kind = session?.org.kind;
  // On a phone the org name would squeeze the menu out of the header.
  const wide = Grid.useBreakpoint().md ?? true;
  const items = [
    { key: '/', label: <Link to="/">找服务</Link> },
    { key: '/results', label: <Link to="/results">科技成果</Link> },
    { key: '/policies', label: <Link to="/policies">政策资讯</Link> },
    ...(kind === 'INSTITUTE' ? [{ key: '/institute', label: <Link to="/institute">成果工作台</Link> }] : []),
    ...(kind === 'SME' ? [{ key: '/sme', label: <Link to="/sme">我的需求与服务券</Link> }] : []),
    ...(kind === 'PLATFORM_OPERATOR' ? [{ key: '/platform', label: <Link to="/platform">平台工作台</Link> }] : []),
    ...(kind === 'BUREAU' || kind === 'ADMIN' ? [{ key: '/bureau', label: <Link to="/bureau">监管工作台</Link> }] : []),
    ...(kind === 'ADMIN' ? [{ key: '/admin', label: <Link to="/admin">运营管理</Link> }] : []),
  ];
  const selected = items.map((i) => i.key).filter((k) => k !== '/' && location.pathname.startsWith(k));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 16px', flexWrap: 'nowrap' }}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>
          中试通
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected.length ? selected : [location.pathname === '/' ? '/' : '']}
          items={items}
          style={{ flex: 1, minWidth: 0 }}
        />
        {session ? (
          <Space>
            <NotificationBell />
            {wide && (
              <Typography.Text style={{ color: '#fff' }} data-testid="whoami">
                {session.org.name}（{ROLE_LABEL[session.org.kind] ?? session.org.kind}）
              </Typography.Text>
            )}
            <Button
              size="small"
              onClick={() => {
                setSession(null);
                navigate('/');
              }}
            >
              退出
            </Button>
          </Space>
        ) : (
          <Space>
            <Button size="small" onClick={() => navigate('/login')}>
              登录
            </Button>
            <Button size="small" type="primary" onClick={() => navigate('/register')}>
              注册
            </Button>
          </Space>
        )}
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
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
