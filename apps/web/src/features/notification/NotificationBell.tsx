import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import { useSession } from '../../shared/session';
import { CHANGED } from './notifications';

/** The header bell: the org's unread count, refreshed on navigation, every 30 s and after reads. */
export function NotificationBell() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    const timer = window.setInterval(bump, 30_000);
    window.addEventListener(CHANGED, bump);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, bump);
    };
  }, []);
  useEffect(() => {
    if (!session) return;
    let live = true;
    api<Schema<'UnreadCountDto'>>('/notifications/unread-count')
      .then((r) => live && setUnread(r.unread))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [session, location.pathname, tick]);
  if (!session) return null;
  return (
    <Badge count={unread} size="small" data-testid="unread-count" title={`${unread} 条未读消息`}>
      <Button size="small" onClick={() => navigate('/notifications')}>
        消息
      </Button>
    </Badge>
  );
}
