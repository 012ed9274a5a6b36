import { Alert, App as AntApp, Button, Card, Empty, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { useSession } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { changed, Notification } from './notifications';
import { notificationLink } from './link';

/** The org's inbox, newest first; opening one (its title or 查看) marks it read and goes to what it is about. */
export function NotificationsPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useLoad(
    () =>
      api<Schema<'NotificationPageDto'>>('/notifications', {
        query: { unread: onlyUnread || undefined, page, limit: 20 },
      }),
    [onlyUnread, page],
  );
  const markRead = async (n: Notification) => {
    if (n.readAt) return;
    try {
      await api(`/notifications/${n.id}/read`, { method: 'POST' });
      inbox.reload();
      changed();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card
      title="消息中心"
      extra={
        <Radio.Group
          size="small"
          optionType="button"
          value={onlyUnread ? 'unread' : 'all'}
          onChange={(e) => {
            setOnlyUnread(e.target.value === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: '未读' },
          ]}
        />
      }
    >
      {inbox.error && <Alert type="error" message={inbox.error} style={{ marginBottom: 12 }} />}
      <List
        data-testid="inbox"
        loading={inbox.loading}
        dataSource={inbox.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty
              description={onlyUnread ? '没有未读消息' : '暂无消息。需求、报价、订单和服务券有进展时，会在这里通知您'}
            />
          ),
        }}
        pagination={
          (inbox.data?.total ?? 0) > 20
            ? { current: page, pageSize: 20, total: inbox.data?.total, onChange: setPage, showSizeChanger: false }
            : false
        }
        renderItem={(n) => {
          const to = notificationLink(n, session?.org.kind);
          const open = () => {
            void markRead(n);
            if (to) navigate(to);
          };
          return (
            <List.Item
              actions={[
                ...(to
                  ? [
                      <Button key="open" size="small" type="link" onClick={open}>
                        查看
                      </Button>,
                    ]
                  : []),
                n.readAt ? (
                  <Typography.Text key="read" type="secondary">
                    已读
                  </Typography.Text>
                ) : (
                  <Button key="read" size="small" onClick={() => markRead(n)}>
                    标为已读
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {!n.readAt && <Tag color="red">未读</Tag>}
                    {to ? (
                      <Typography.Link strong={!n.readAt} onClick={open} data-testid="notification-link">
                        {n.title}
                      </Typography.Link>
                    ) : (
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    )}
                  </Space>
                }
                description={
                  <Space direction="vertical" size={0}>
                    <span>{n.body}</span>
                    <Typography.Text type="secondary">{new Date(n.createdAt).toLocaleString('zh-CN')}</Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
