import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { setSession } from '../shared/api';
import { NotificationBell } from '../features/notification/NotificationBell';
import { useSession } from '../shared/session';
import { ROLE_LABEL } from '../shared/labels/identity';

/**
 * The header: the logo, the role's menu, the bell and who is signed in. On a phone (below antd's `md`) the
 * menu folds into a drawer behind the ☰ button (菜单) and the org's name moves into that drawer.
 */
export function AppHeader() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [drawer, setDrawer] = useState(false);
  const kind = session?.org.kind;
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
    ...(session && !wide ? [{ key: '/notifications', label: <Link to="/notifications">消息中心</Link> }] : []),
  ];
  const selected = items.map((i) => i.key).filter((k) => k !== '/' && location.pathname.startsWith(k));
  const selectedKeys = selected.length ? selected : [location.pathname === '/' ? '/' : ''];
  const whoami = session && (
    <Typography.Text style={wide ? { color: '#fff' } : undefined} data-testid="whoami">
      {session.org.name}（{ROLE_LABEL[session.org.kind] ?? session.org.kind}）
    </Typography.Text>
  );
  return (
    <Layout.Header
      style={{ display: 'flex', alignItems: 'center', gap: wide ? 16 : 8, padding: wide ? '0 16px' : '0 8px' }}
    >
      {!wide && (
        <Button
          type="text"
          aria-label="菜单"
          data-testid="menu-toggle"
          icon={<MenuOutlined style={{ color: '#fff' }} />}
          onClick={() => setDrawer(true)}
        />
      )}
      <Link to="/" style={{ color: '#fff', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>
        中试通
      </Link>
      {wide ? (
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selectedKeys}
          items={items}
          style={{ flex: 1, minWidth: 0 }}
        />
      ) : (
        <div style={{ flex: 1 }} />
      )}
      {session ? (
        <Space size={wide ? 'small' : 4}>
          <NotificationBell />
          {wide && whoami}
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
        <Space size={wide ? 'small' : 4}>
          <Button size="small" onClick={() => navigate('/login')}>
            登录
          </Button>
          <Button size="small" type="primary" onClick={() => navigate('/register')}>
            注册
          </Button>
        </Space>
      )}
      {!wide && (
        <Drawer
          title={whoami || '中试通'}
          placement="left"
          width={260}
          open={drawer}
          onClose={() => setDrawer(false)}
          styles={{ body: { padding: 0 } }}
          data-testid="menu-drawer"
        >
          <Menu mode="inline" selectedKeys={selectedKeys} items={items} onClick={() => setDrawer(false)} />
        </Drawer>
      )}
    </Layout.Header>
  );
}
