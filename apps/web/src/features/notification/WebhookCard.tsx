import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, RequestBody, Schema } from '../../shared/api';
import { applyApiErrors, errorText } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import { WebhookLog } from './WebhookLog';

type Webhook = Schema<'WebhookResponseDto'>;
type PutWebhook = RequestBody<'PutWebhookDto'>;

/** How often, and how many times, the log is re-read after a test ping until its attempt shows. */
const PING_POLL_MS = 1_000;
const PING_POLLS = 30;

/**
 * The org's webhook (owner only): the URL and whether deliveries are on, the signing secret (masked; in full
 * once, right after it was created or rotated), a test ping and the log of the latest delivery attempts.
 */
export function WebhookCard({ orgId }: { orgId: string }) {
  const { message } = AntApp.useApp();
  const webhook = useLoad(() => api<Webhook>(`/orgs/${orgId}/webhook`), [orgId]);
  const [form] = Form.useForm<PutWebhook>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'save' | 'rotate' | 'ping'>();
  const [revealed, setRevealed] = useState<string>();
  const [pings, setPings] = useState<string[]>([]);
  const [polls, setPolls] = useState(0);
  const current = webhook.data;

  useEffect(() => {
    if (current) form.setFieldsValue({ url: current.url ?? '', enabled: current.configured ? current.enabled : true });
  }, [current, form]);

  // After a ping, re-read the log until its first attempt is there (the worker sends it within moments).
  const waiting = pings.length > 0 && !current?.deliveries.some((d) => d.notificationId === pings[0]);
  useEffect(() => {
    if (!waiting || polls >= PING_POLLS) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      webhook.reload();
    }, PING_POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, polls, current, webhook]);

  const save = async (values: PutWebhook, rotateSecret = false) => {
    setBusy(rotateSecret ? 'rotate' : 'save');
    setError(undefined);
    try {
      const saved = await api<Webhook>(`/orgs/${orgId}/webhook`, {
        method: 'PUT',
        body: { url: values.url?.trim(), enabled: values.enabled, ...(rotateSecret ? { rotateSecret } : {}) },
      });
      setRevealed(saved.secretRevealed && saved.secret ? saved.secret : undefined);
      message.success(rotateSecret ? '签名密钥已更换' : 'Webhook 已保存');
      webhook.reload();
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(undefined);
    }
  };
  const rotate = async () => save(await form.validateFields(), true);
  const ping = async () => {
    setBusy('ping');
    try {
      const sent = await api<Schema<'WebhookPingResponseDto'>>(`/orgs/${orgId}/webhook/ping`, { method: 'POST' });
      setPings((old) => [sent.notificationId, ...old]);
      setPolls(0);
      message.success('测试推送已发出，结果将显示在推送记录中');
      webhook.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="webhook">
      <Card size="small" title="Webhook 推送地址">
        <Typography.Paragraph type="secondary">
          设置后，每条通知都会以 JSON 格式 POST 到该地址，请求头{' '}
          <Typography.Text code>{current?.signatureHeader ?? 'pilotlink-signature'}</Typography.Text> 携带 HMAC-SHA256
          签名（t=时间戳,v1=签名）；失败会按指数退避自动重试。地址须为公网可访问的 http(s) 地址。
        </Typography.Paragraph>
        {webhook.error && <Alert type="error" message={webhook.error} style={{ marginBottom: 12 }} />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {current && !current.configured && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="尚未设置 Webhook：填写贵单位接收推送的地址并保存，系统会生成签名密钥，之后可发送测试推送检查连通"
          />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => save(v)} initialValues={{ enabled: true }}>
          <Form.Item
            name="url"
            label="推送地址"
            rules={[{ required: true, whitespace: true, message: '请填写推送地址' }]}
          >
            <Input placeholder="https://erp.example.cn/pilotlink/webhook" />
          </Form.Item>
          <Form.Item name="enabled" label="启用推送" valuePropName="checked">
            <Switch checkedChildren="开" unCheckedChildren="停" />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy === 'save'}>
              保存
            </Button>
            <Button onClick={ping} loading={busy === 'ping'} disabled={!current?.configured || !current.enabled}>
              发送测试推送
            </Button>
          </Space>
        </Form>
      </Card>
      {current?.configured && (
        <Card size="small" title="签名密钥">
          {revealed ? (
            <Alert
              type="warning"
              showIcon
              data-testid="webhook-secret-revealed"
              message="新的签名密钥（仅显示这一次）"
              description={
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text code copyable={{ text: revealed, tooltips: ['复制', '已复制'] }}>
                    {revealed}
                  </Typography.Text>
                  <span>请立即复制并保存到贵单位的接收系统中；离开本页后只显示末四位，遗失只能更换。</span>
                </Space>
              }
            />
          ) : (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="当前密钥">
                <Typography.Text code data-testid="webhook-secret-masked">
                  {current.secret}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          )}
          <Popconfirm
            title="更换签名密钥？"
            description="旧密钥立即失效，接收方须改用新密钥验证签名。"
            okText="更换"
            cancelText="取消"
            onConfirm={rotate}
          >
            <Button danger loading={busy === 'rotate'} style={{ marginTop: 12 }}>
              更换密钥
            </Button>
          </Popconfirm>
        </Card>
      )}
      {current?.configured && (
        <Card
          size="small"
          title="推送记录（最近 20 次）"
          extra={
            <Space>
              {waiting && polls < PING_POLLS && <Tag color="processing">等待测试推送结果…</Tag>}
              <Button size="small" onClick={webhook.reload}>
                刷新
              </Button>
            </Space>
          }
        >
          <WebhookLog load={webhook} rows={current.deliveries} />
        </Card>
      )}
    </Space>
  );
}
