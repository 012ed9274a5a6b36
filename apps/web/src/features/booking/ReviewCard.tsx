import { Alert, App as AntApp, Button, Card, Form, Input, Rate, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, listItems, Schema } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';

export type Review = Schema<'ReviewResponseDto'>;

/** After completion the SME rates the platform once (quality, timeliness, communication). */
export function ReviewCard({ orderId, platformId }: { orderId: string; platformId: string }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  // The platform's reviews, every page: this order's may be anywhere among them.
  const reviews = useLoad(
    async () => ({ items: await listItems<'ReviewPageDto'>(`/platforms/${platformId}/reviews`) }),
    [platformId],
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const mine = reviews.data?.items.find((r) => r.orderId === orderId);
  const submit = async (values: { quality: number; timeliness: number; communication: number; comment?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/orders/${orderId}/review`, { method: 'POST', body: values });
      message.success('感谢您的评价');
      reviews.reload();
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="评价服务" size="small" loading={reviews.loading} data-testid="order-review">
      {mine ? (
        <Space direction="vertical">
          <span>
            服务质量 <Rate disabled value={mine.quality} /> 及时性 <Rate disabled value={mine.timeliness} /> 沟通{' '}
            <Rate disabled value={mine.communication} />
          </span>
          {mine.comment && <Typography.Text>“{mine.comment}”</Typography.Text>}
          {mine.reply && <Typography.Text type="secondary">平台回复：{mine.reply}</Typography.Text>}
        </Space>
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ quality: 5, timeliness: 5, communication: 5 }}
          style={{ maxWidth: 480 }}
        >
          {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} />}
          <Form.Item name="quality" label="服务质量" rules={[{ required: true, message: '请评分' }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="timeliness" label="及时性" rules={[{ required: true, message: '请评分' }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="communication" label="沟通" rules={[{ required: true, message: '请评分' }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="comment" label="评价内容">
            <Input.TextArea rows={3} placeholder="如：数据完整，沟通及时" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交评价
          </Button>
        </Form>
      )}
    </Card>
  );
}
