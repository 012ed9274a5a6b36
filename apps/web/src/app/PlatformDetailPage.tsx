import { Alert, Button, Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, Schema } from '../shared/api';
import { yuan } from '../shared/money';
import { label } from '../shared/labels';
import { RECOGNITION_LEVEL, SERVICE_CATEGORY } from '../shared/labels/catalogue';
import { InstrumentBooking } from '../features/booking/InstrumentBooking';
import { Reviews } from '../features/booking/Reviews';
import { useLoad } from '../shared/useLoad';
import { price } from '../features/catalogue/price';
import { PublicPlatform, EquipmentRow } from '../features/catalogue/types';

/** Public: a listed platform — profile, qualifications, published services, instruments and ratings. */
export function PlatformDetailPage() {
  const { id = '' } = useParams();
  const platform = useLoad(() => api<PublicPlatform>(`/platforms/${id}`), [id]);
  const services = useLoad(
    () => api<Schema<'ServicePageDto'>>(`/platforms/${id}/services`, { query: { limit: 100 } }),
    [id],
  );
  const equipment = useLoad(
    () => api<Schema<'EquipmentPageDto'>>(`/platforms/${id}/equipment`, { query: { limit: 100 } }),
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
                {typeof p.ratingAvg === 'number' ? `${p.ratingAvg.toFixed(1)}（${p.reviewCount} 条评价）` : '暂无评价'}
              </Descriptions.Item>
            </Descriptions>
            {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
            {p.qualifications && p.qualifications.length > 0 && (
              <Space wrap>
                资质：
                {p.qualifications.map((q) => (
                  <Tag key={q.id} color={q.certificateUploaded ? 'green' : undefined} data-testid="qualification">
                    {q.kind} {q.certificateNo}（至 {q.validUntil}）{q.certificateUploaded ? ' · 证书已上传' : ''}
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
