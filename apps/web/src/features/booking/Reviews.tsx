import { Alert, Button, Empty, Input, List, Rate, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { useLoad } from '../../shared/useLoad';

export type ReviewRow = Schema<'ReviewResponseDto'>;

export function Reviews({ platform, canReply = true }: { platform: { id: string }; canReply?: boolean }) {
  const run = useAction();
  const reviews = useLoad(
    () => api<Schema<'ReviewPageDto'>>(`/platforms/${platform.id}/reviews`, { query: { limit: 50 } }),
    [platform.id],
  );
  const [replies, setReplies] = useState<Record<string, string>>({});
  const reply = async (r: ReviewRow) => {
    if (
      await run(
        () => api(`/orders/${r.orderId}/review/reply`, { method: 'POST', body: { reply: replies[r.id] ?? '' } }),
        '已回复',
      )
    )
      reviews.reload();
  };
  return (
    <>
      {reviews.error && <Alert type="error" message={reviews.error} />}
      <List
        data-testid="platform-reviews"
        loading={reviews.loading}
        dataSource={reviews.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无评价" /> }}
        renderItem={(r) => (
          <List.Item>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                质量 <Rate disabled value={r.quality} /> 及时 <Rate disabled value={r.timeliness} /> 沟通{' '}
                <Rate disabled value={r.communication} />
              </Space>
              {r.comment && <Typography.Text>{r.comment}</Typography.Text>}
              <Typography.Text type="secondary">{new Date(r.createdAt).toLocaleDateString('zh-CN')}</Typography.Text>
              {r.reply ? (
                <Typography.Text type="secondary">平台回复：{r.reply}</Typography.Text>
              ) : (
                canReply && (
                  <Space.Compact style={{ maxWidth: 480 }}>
                    <Input
                      placeholder="回复评价"
                      value={replies[r.id]}
                      onChange={(e) => setReplies({ ...replies, [r.id]: e.target.value })}
                    />
                    <Button disabled={!replies[r.id]?.trim()} onClick={() => reply(r)}>
                      回复
                    </Button>
                  </Space.Compact>
                )
              )}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
