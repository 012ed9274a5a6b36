import { Alert, App as AntApp, Button, Card, Descriptions, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { Order } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { STAGE } from '../../shared/labels/demand';
import { useSession } from '../../shared/session';
import { ServiceRow } from './types';
import { SERVICE_CATEGORY } from '../../shared/labels/catalogue';
import { useLoad } from '../../shared/useLoad';
import { price } from './price';
import { PublicPlatform } from './types';

/** Public: one published service; an SME may order it directly. */
export function ServiceDetailPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const service = useLoad(() => api<ServiceRow>(`/services/${id}`), [id]);
  const platformId = service.data?.platformId;
  const platform = useLoad(
    () => (platformId ? api<PublicPlatform>(`/platforms/${platformId}`) : Promise.resolve(undefined)),
    [platformId],
  );
  const [note, setNote] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const order = async () => {
    setBusy(true);
    try {
      const unit = service.data?.pricingKind === 'UNIT';
      const created = await api<Order>('/orders', {
        method: 'POST',
        body: { serviceId: id, quantity: unit ? quantity : undefined, note: note || undefined },
      });
      message.success('已下单，等待平台接单');
      navigate(`/orders/${created.id}`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const s = service.data;
  if (service.error) return <Alert type="error" message={service.error} />;
  return (
    <Card
      loading={service.loading}
      title={s?.title ?? '服务'}
      extra={s?.voucherEligible && <Tag color="green">可用服务券</Tag>}
    >
      {s && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="服务平台">
              {platform.data ? <Link to={`/platforms/${platform.data.id}`}>{platform.data.name}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="服务类别">{label(SERVICE_CATEGORY, s.category)}</Descriptions.Item>
            <Descriptions.Item label="阶段">{s.stages.map((st) => label(STAGE, st)).join('、')}</Descriptions.Item>
            <Descriptions.Item label="价格">{price(s)}</Descriptions.Item>
            <Descriptions.Item label="周期">约 {s.leadTimeDays} 天</Descriptions.Item>
          </Descriptions>
          {s.description && <Typography.Paragraph>{s.description}</Typography.Paragraph>}
          {session?.org.kind === 'SME' && s.pricingKind !== 'QUOTE' && (
            <Space wrap align="center">
              {s.pricingKind === 'UNIT' && (
                <>
                  <span>数量（{s.unitName}）</span>
                  <InputNumber
                    aria-label="数量"
                    min={1}
                    max={100_000}
                    precision={0}
                    value={quantity}
                    onChange={(v) => setQuantity(v ?? 1)}
                  />
                  <Typography.Text data-testid="order-total">合计 {yuan((s.priceFen ?? 0) * quantity)}</Typography.Text>
                </>
              )}
              <Space.Compact style={{ maxWidth: 520 }}>
                <Input placeholder="备注（如：样品 3 批）" value={note} onChange={(e) => setNote(e.target.value)} />
                <Button type="primary" loading={busy} onClick={order}>
                  直接下单
                </Button>
              </Space.Compact>
            </Space>
          )}
          {session?.org.kind === 'SME' && s.pricingKind === 'QUOTE' && (
            <Typography.Text type="secondary">该服务需报价：请发布需求并邀请该平台报价。</Typography.Text>
          )}
          {!session && (
            <Typography.Text type="secondary">
              <Link to="/login">登录</Link>后可下单
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}
