import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  InputNumber,
  List,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, Page } from '../../shared/api';
import { Order } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { STAGE } from '../../shared/labels/demand';
import { useSession } from '../../shared/session';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { InstrumentBooking } from '../booking/InstrumentBooking';
import { Reviews, ServiceRow } from './PlatformManage';
import { SERVICE_CATEGORY } from '../../shared/labels/catalogue';
import { useLoad } from '../../shared/useLoad';

interface PublicPlatform {
  id: string;
  name: string;
  typeLabel: string;
  operatingModelLabel: string;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  description: string;
  contactName: string | null;
  contactPhone: string | null;
  recognitionLevel: string;
  ratingAvg: number | null;
  reviewCount: number;
  qualifications?: { kind: string; certificateNo: string; accreditedScope?: string | null; validUntil: string }[];
}

interface EquipmentRow {
  id: string;
  name: string;
  model: string | null;
  maker: string | null;
  category: string;
  keySpecs: string;
  hourlyRateFen: number;
  status: string;
}

const price = (s: Pick<ServiceRow, 'pricingKind' | 'priceFen' | 'unitName'>) =>
  s.pricingKind === 'QUOTE' ? '价格面议' : `${yuan(s.priceFen)}${s.unitName ? ` / ${s.unitName}` : ''}`;

/** Public: a listed platform — profile, qualifications, published services, instruments and ratings. */
export function PlatformDetailPage() {
  const { id = '' } = useParams();
  const platform = useLoad(() => api<PublicPlatform>(`/platforms/${id}`), [id]);
  const services = useLoad(() => api<Page<ServiceRow>>(`/platforms/${id}/services`, { query: { limit: 100 } }), [id]);
  const equipment = useLoad(
    () => api<Page<EquipmentRow>>(`/platforms/${id}/equipment`, { query: { limit: 100 } }),
    [id],
  );
  const [booking, setBooking] = useState<EquipmentRow>();
  const p = platform.data;
  if (platform.error) return <Alert type="error" message={platform.error} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        loading={platform.loading}
        title={p?.name ?? '平台'}
        extra={
          p &&
          p.recognitionLevel !== 'NONE' && <Tag color="gold">{label(RECOGNITION_LEVEL, p.recognitionLevel)}认定</Tag>
        }
      >
        {p && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
              <Descriptions.Item label="平台类型">{p.typeLabel}</Descriptions.Item>
              <Descriptions.Item label="运营模式">{p.operatingModelLabel}</Descriptions.Item>
              <Descriptions.Item label="所在地区">{p.regionName ?? p.regionCode}</Descriptions.Item>
              <Descriptions.Item label="地址">{p.address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="联系人">
                {[p.contactName, p.contactPhone].filter(Boolean).join(' ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="用户评分">
                {p.ratingAvg !== null ? `${p.ratingAvg.toFixed(1)}（${p.reviewCount} 条评价）` : '暂无评价'}
              </Descriptions.Item>
            </Descriptions>
            {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
            {p.qualifications && p.qualifications.length > 0 && (
              <Space wrap>
                资质：
                {p.qualifications.map((q) => (
                  <Tag key={q.certificateNo}>
                    {q.kind} {q.certificateNo}（至 {q.validUntil}）
                  </Tag>
                ))}
              </Space>
            )}
          </Space>
        )}
      </Card>
      <Card size="small" title="中试服务">
        {services.error && <Alert type="error" message={services.error} />}
        <List
          data-testid="platform-services"
          loading={services.loading}
          dataSource={services.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无发布的服务" /> }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/services/${s.id}`}>{s.title}</Link>
                    {s.voucherEligible && <Tag color="green">可用服务券</Tag>}
                  </Space>
                }
                description={`${label(SERVICE_CATEGORY, s.category)} · ${price(s)} · 周期约 ${s.leadTimeDays} 天`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="共享仪器设备">
        <Table
          rowKey="id"
          size="small"
          data-testid="platform-equipment"
          loading={equipment.loading}
          dataSource={(equipment.data?.items ?? []).filter((e) => e.status === 'ACTIVE')}
          pagination={false}
          scroll={{ x: 680 }}
          locale={{ emptyText: <Empty description="暂无登记的仪器设备" /> }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            {
              title: '型号',
              render: (_: unknown, e: EquipmentRow) => [e.maker, e.model].filter(Boolean).join(' ') || '—',
            },
            { title: '主要指标', dataIndex: 'keySpecs' },
            { title: '机时费', dataIndex: 'hourlyRateFen', render: (f: number) => `${yuan(f)}/小时` },
            {
              title: '预约',
              render: (_: unknown, e: EquipmentRow) => (
                <Button size="small" type={booking?.id === e.id ? 'primary' : 'default'} onClick={() => setBooking(e)}>
                  空闲时段与预约
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {booking && <InstrumentBooking key={booking.id} instrument={booking} onClose={() => setBooking(undefined)} />}
      <Card size="small" title="用户评价">
        <Reviews platform={{ id }} canReply={false} />
      </Card>
    </Space>
  );
}

/** Public: one published service; an SME may order it directly. */
export function ServiceDetailPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const service = useLoad(() => api<ServiceRow & { platformId: string }>(`/services/${id}`), [id]);
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
