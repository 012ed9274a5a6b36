import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Rate,
  Select,
  Space,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, Page, itemsOf } from '../../shared/api';
import { Demand } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { useAction } from '../../shared/actions';
import { applyApiErrors } from '../../shared/errors';
import { label } from '../../shared/labels';
import { STAGE } from '../../shared/labels/demand';
import { CONFIDENTIALITY } from '../../shared/labels/demand';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { RECOGNITION_STATUS } from '../../shared/labels/governance';
import { PLATFORM_STATUS } from '../../shared/labels/catalogue';
import { InstrumentCalendar } from '../booking/InstrumentCalendar';
import type { Instrument } from '../booking/schedule';
import { fieldTree } from '../../shared/fieldTree';
import { useIndustryFields } from '../../shared/fieldTree';
import { useLoad } from '../../shared/useLoad';
import { LoadedTable } from '../../shared/LoadedTable';
import { PRICING, SERVICE_CATEGORY, SERVICE_STATUS } from '../../shared/labels/catalogue';

export interface MyPlatform {
  id: string;
  name: string;
  status: string;
  statusReason?: string | null;
  description: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  recognitionLevel: string;
  ratingAvg: number | null;
  reviewCount: number;
}

export interface ServiceRow {
  id: string;
  title: string;
  description: string;
  category: string;
  categoryLabel: string;
  fieldCodes: string[];
  stages: string[];
  pricingKind: string;
  priceFen: number | null;
  unitName: string | null;
  leadTimeDays: number;
  voucherEligible: boolean;
  status: string;
}

/** Operator: its platforms — profile, services, equipment, ratings and recognition. */
export function PlatformManage() {
  const platforms = useLoad(() => api<Page<MyPlatform>>('/platforms', { query: { mine: true, limit: 50 } }), []);
  const [id, setId] = useState<string>();
  useEffect(() => {
    if (!id && platforms.data?.items.length) setId(platforms.data.items[0].id);
  }, [platforms.data, id]);
  const platform = platforms.data?.items.find((p) => p.id === id);
  return (
    <Card
      size="small"
      title="我的平台"
      data-testid="my-platform"
      extra={
        <Select
          size="small"
          style={{ minWidth: 220 }}
          value={id}
          onChange={setId}
          loading={platforms.loading}
          placeholder="暂无平台"
          options={(platforms.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name}（${label(PLATFORM_STATUS, p.status)}）`,
          }))}
        />
      }
    >
      {platforms.error && <Alert type="error" message={platforms.error} />}
      {!platform && !platforms.loading && <Empty description="您还没有平台" />}
      {platform && (
        <Tabs
          destroyInactiveTabPane
          items={[
            { key: 'services', label: '服务', children: <Services platformId={platform.id} /> },
            {
              key: 'profile',
              label: '平台信息',
              children: <Profile platform={platform} onSaved={platforms.reload} />,
            },
            { key: 'equipment', label: '仪器设备', children: <Equipment platformId={platform.id} /> },
            { key: 'reviews', label: '用户评价', children: <Reviews platform={platform} /> },
            { key: 'recognition', label: '认定申请', children: <RecognitionApply platformId={platform.id} /> },
          ]}
        />
      )}
    </Card>
  );
}

function Profile({ platform, onSaved }: { platform: MyPlatform; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const run = useAction();
  const [error, setError] = useState<string>();
  const save = async (v: Record<string, string>) => {
    setError(undefined);
    try {
      await api(`/platforms/${platform.id}`, { method: 'PATCH', body: v });
      message.success('平台信息已保存');
      onSaved();
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  const submit = async () => {
    if (await run(() => api(`/platforms/${platform.id}/submit`, { method: 'POST' }), '已提交审核')) onSaved();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Tag>{label(PLATFORM_STATUS, platform.status)}</Tag>
        <span>认定级别：{label(RECOGNITION_LEVEL, platform.recognitionLevel)}</span>
        {platform.statusReason && <Typography.Text type="secondary">（{platform.statusReason}）</Typography.Text>}
        {platform.status === 'DRAFT' && (
          <Button size="small" type="primary" onClick={submit}>
            提交审核
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        style={{ maxWidth: 640 }}
        initialValues={{
          name: platform.name,
          description: platform.description,
          address: platform.address ?? undefined,
          contactName: platform.contactName ?? undefined,
          contactPhone: platform.contactPhone ?? undefined,
        }}
      >
        <Form.Item name="name" label="平台名称" rules={[{ required: true, message: '请填写平台名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="平台简介">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label="联系人">
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话">
            <Input />
          </Form.Item>
        </Space>
        <div>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </div>
      </Form>
    </Space>
  );
}

function Services({ platformId }: { platformId: string }) {
  const run = useAction();
  const services = useLoad(
    () => api<Page<ServiceRow> | ServiceRow[]>(`/platforms/${platformId}/services`, { query: { limit: 100 } }),
    [platformId],
  );
  const rows = itemsOf(services.data);
  const [editing, setEditing] = useState<ServiceRow | 'new'>();
  const [matching, setMatching] = useState<ServiceRow>();
  const act = async (s: ServiceRow, action: 'publish' | 'archive') => {
    if (
      await run(
        () => api(`/services/${s.id}/${action}`, { method: 'POST' }),
        action === 'publish' ? '服务已发布' : '服务已归档',
      )
    )
      services.reload();
  };
  return (
    <>
      <Button type="primary" size="small" onClick={() => setEditing('new')} style={{ marginBottom: 8 }}>
        新增服务
      </Button>
      <LoadedTable
        load={services}
        rows={rows}
        empty="还没有服务"
        data-testid="my-services"
        scroll={{ x: 760 }}
        columns={[
          { title: '服务', dataIndex: 'title' },
          { title: '类别', dataIndex: 'category', render: (c: string) => label(SERVICE_CATEGORY, c) },
          {
            title: '价格',
            render: (_: unknown, s: ServiceRow) =>
              s.pricingKind === 'QUOTE' ? '面议' : `${yuan(s.priceFen)}${s.unitName ? ` / ${s.unitName}` : ''}`,
          },
          { title: '周期', dataIndex: 'leadTimeDays', render: (n: number) => `${n} 天` },
          {
            title: '状态',
            dataIndex: 'status',
            render: (st: string, s: ServiceRow) => (
              <Space size={2}>
                <Tag>{label(SERVICE_STATUS, st)}</Tag>
                {s.voucherEligible && <Tag color="green">可用服务券</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_: unknown, s: ServiceRow) => (
              <Space wrap size={4}>
                <Button size="small" onClick={() => setEditing(s)}>
                  编辑
                </Button>
                {s.status !== 'PUBLISHED' && (
                  <Button size="small" type="primary" onClick={() => act(s, 'publish')}>
                    发布
                  </Button>
                )}
                {s.status === 'PUBLISHED' && (
                  <>
                    <Button size="small" onClick={() => setMatching(s)}>
                      匹配需求
                    </Button>
                    <Button size="small" onClick={() => act(s, 'archive')}>
                      归档
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ServiceModal
          platformId={platformId}
          service={editing === 'new' ? undefined : editing}
          onClose={(done) => {
            setEditing(undefined);
            if (done) services.reload();
          }}
        />
      )}
      {matching && <MatchingDemands service={matching} onClose={() => setMatching(undefined)} />}
    </>
  );
}

function ServiceModal({
  platformId,
  service,
  onClose,
}: {
  platformId: string;
  service?: ServiceRow;
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const fields = useIndustryFields();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pricingKind = Form.useWatch('pricingKind', form) as string | undefined;
  const submit = async (v: Record<string, unknown> & { priceYuan?: number }) => {
    setBusy(true);
    setError(undefined);
    const { priceYuan, ...rest } = v;
    const body = {
      ...rest,
      priceFen: v.pricingKind === 'QUOTE' || !priceYuan ? undefined : Math.round(priceYuan * 100),
      unitName: v.pricingKind === 'UNIT' ? rest.unitName : undefined,
    };
    try {
      if (service) await api(`/services/${service.id}`, { method: 'PATCH', body });
      else await api(`/platforms/${platformId}/services`, { method: 'POST', body });
      message.success(service ? '服务已保存' : '服务已创建（草稿），发布后可被搜索');
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e, { priceFen: 'priceYuan' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={service ? `编辑服务：${service.title}` : '新增服务'}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnClose
      width={640}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          service
            ? { ...service, priceYuan: service.priceFen ? service.priceFen / 100 : undefined }
            : { pricingKind: 'FIXED', stages: ['PILOT'], leadTimeDays: 30, voucherEligible: true }
        }
      >
        <Form.Item name="title" label="服务名称" rules={[{ required: true, message: '请填写服务名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="服务描述">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="category" label="服务类别" rules={[{ required: true, message: '请选择服务类别' }]}>
          <Select options={Object.entries(SERVICE_CATEGORY).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
        <Form.Item name="fieldCodes" label="行业领域" rules={[{ required: true, message: '请选择行业领域' }]}>
          <TreeSelect
            multiple
            treeData={fieldTree(fields.data)}
            loading={fields.loading}
            showSearch
            treeNodeFilterProp="title"
          />
        </Form.Item>
        <Form.Item name="stages" label="服务阶段" rules={[{ required: true, message: '请选择阶段' }]}>
          <Checkbox.Group options={Object.entries(STAGE).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="pricingKind" label="计价方式">
            <Select
              style={{ width: 150 }}
              options={Object.entries(PRICING).map(([value, l]) => ({ value, label: l }))}
            />
          </Form.Item>
          {pricingKind !== 'QUOTE' && (
            <Form.Item name="priceYuan" label="价格（元）" rules={[{ required: true, message: '请填写价格' }]}>
              <InputNumber min={0.01} />
            </Form.Item>
          )}
          {pricingKind === 'UNIT' && (
            <Form.Item name="unitName" label="计价单位" rules={[{ required: true, message: '请填写单位' }]}>
              <Input placeholder="如：样品" style={{ width: 100 }} />
            </Form.Item>
          )}
          <Form.Item name="leadTimeDays" label="周期（天）" rules={[{ required: true, message: '请填写周期' }]}>
            <InputNumber min={1} />
          </Form.Item>
        </Space>
        <Form.Item name="voucherEligible" valuePropName="checked">
          <Checkbox>可使用服务券</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          保存
        </Button>
      </Form>
    </Modal>
  );
}

function MatchingDemands({ service, onClose }: { service: ServiceRow; onClose: () => void }) {
  const demands = useLoad(
    () =>
      api<{ total: number; items: (Demand & { score: number })[] }>(`/services/${service.id}/matching-demands`, {
        query: { limit: 20 },
      }),
    [service.id],
  );
  return (
    <Modal open title={`与“${service.title}”匹配的需求`} onCancel={onClose} footer={null} width={680}>
      {demands.error && <Alert type="error" message={demands.error} />}
      <List
        data-testid="matching-demands"
        loading={demands.loading}
        dataSource={demands.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无匹配的开放需求" /> }}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {d.title}
                  <Tag color="blue">匹配度 {Math.round(d.score * 100)}%</Tag>
                </Space>
              }
              description={
                <Space wrap size={4}>
                  <Tag>{label(STAGE, d.stage)}</Tag>
                  <Tag>{CONFIDENTIALITY[d.confidentiality]?.label ?? d.confidentiality}</Tag>
                  {d.budgetMaxFen ? <span>预算至 {yuan(d.budgetMaxFen)}</span> : null}
                  {d.description && <span>{d.description}</span>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}

function Equipment({ platformId }: { platformId: string }) {
  const run = useAction();
  const equipment = useLoad(
    () => api<Page<Instrument> | Instrument[]>(`/platforms/${platformId}/equipment`, { query: { limit: 100 } }),
    [platformId],
  );
  const rows = itemsOf(equipment.data);
  const [editing, setEditing] = useState<Instrument | 'new'>();
  const [calendar, setCalendar] = useState<Instrument>();
  const retire = async (e: Instrument, status: string) => {
    if (
      await run(
        () => api(`/equipment/${e.id}`, { method: 'PATCH', body: { status } }),
        status === 'RETIRED' ? '已停用' : '已启用',
      )
    )
      equipment.reload();
  };
  return (
    <>
      <Button type="primary" size="small" onClick={() => setEditing('new')} style={{ marginBottom: 8 }}>
        新增设备
      </Button>
      <LoadedTable
        load={equipment}
        rows={rows}
        empty="还没有登记仪器设备"
        data-testid="my-equipment"
        scroll={{ x: 820 }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '型号',
            render: (_: unknown, e: Instrument) => [e.maker, e.model].filter(Boolean).join(' ') || '—',
          },
          { title: '类别', dataIndex: 'category' },
          { title: '主要指标', dataIndex: 'keySpecs' },
          { title: '机时费', dataIndex: 'hourlyRateFen', render: (f: number) => `${yuan(f)}/小时` },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag>{s === 'ACTIVE' ? '在用' : '已停用'}</Tag>,
          },
          {
            title: '操作',
            render: (_: unknown, e: Instrument) => (
              <Space wrap size={4}>
                <Button
                  size="small"
                  type={calendar?.id === e.id ? 'primary' : 'default'}
                  onClick={() => setCalendar(e)}
                >
                  预约日历
                </Button>
                <Button size="small" onClick={() => setEditing(e)}>
                  编辑
                </Button>
                <Button size="small" onClick={() => retire(e, e.status === 'ACTIVE' ? 'RETIRED' : 'ACTIVE')}>
                  {e.status === 'ACTIVE' ? '停用' : '启用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {calendar && (
        <div style={{ marginTop: 12 }}>
          <InstrumentCalendar key={calendar.id} instrument={calendar} onClose={() => setCalendar(undefined)} />
        </div>
      )}
      {editing && (
        <EquipmentModal
          platformId={platformId}
          equipment={editing === 'new' ? undefined : editing}
          onClose={(done) => {
            setEditing(undefined);
            if (done) equipment.reload();
          }}
        />
      )}
    </>
  );
}

function EquipmentModal({
  platformId,
  equipment,
  onClose,
}: {
  platformId: string;
  equipment?: Instrument;
  onClose: (done: boolean) => void;
}) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const submit = async (v: Record<string, unknown> & { hourlyRateYuan: number }) => {
    setError(undefined);
    const { hourlyRateYuan, ...rest } = v;
    const body = { ...rest, hourlyRateFen: Math.round(hourlyRateYuan * 100) };
    try {
      if (equipment) await api(`/equipment/${equipment.id}`, { method: 'PATCH', body });
      else await api(`/platforms/${platformId}/equipment`, { method: 'POST', body });
      message.success(equipment ? '设备已保存' : '设备已登记');
      onClose(true);
    } catch (e) {
      setError(applyApiErrors(form, e, { hourlyRateFen: 'hourlyRateYuan' }));
    }
  };
  return (
    <Modal
      open
      title={equipment ? '编辑设备' : '新增设备'}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnClose
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          equipment
            ? {
                name: equipment.name,
                model: equipment.model ?? undefined,
                maker: equipment.maker ?? undefined,
                category: equipment.category,
                keySpecs: equipment.keySpecs,
                hourlyRateYuan: equipment.hourlyRateFen / 100,
              }
            : {}
        }
      >
        <Form.Item name="name" label="设备名称" rules={[{ required: true, message: '请填写设备名称' }]}>
          <Input placeholder="如：场发射扫描电子显微镜" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="maker" label="厂商">
            <Input />
          </Form.Item>
          <Form.Item name="model" label="型号">
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="category" label="设备类别" rules={[{ required: true, message: '请填写设备类别' }]}>
          <Input placeholder="如：电子显微镜" />
        </Form.Item>
        <Form.Item name="keySpecs" label="主要技术指标">
          <Input />
        </Form.Item>
        <Form.Item
          name="hourlyRateYuan"
          label="机时费（元/小时）"
          rules={[{ required: true, message: '请填写机时费' }]}
        >
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          保存
        </Button>
      </Form>
    </Modal>
  );
}

interface ReviewRow {
  id: string;
  orderId: string;
  quality: number;
  timeliness: number;
  communication: number;
  comment: string;
  reply: string | null;
  createdAt: string;
}

export function Reviews({ platform, canReply = true }: { platform: { id: string }; canReply?: boolean }) {
  const run = useAction();
  const reviews = useLoad(
    () => api<Page<ReviewRow>>(`/platforms/${platform.id}/reviews`, { query: { limit: 50 } }),
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

interface RecognitionRow {
  id: string;
  level: string;
  status: string;
  evidence: string;
  validFrom: string | null;
  validUntil: string | null;
  reason: string | null;
}

function RecognitionApply({ platformId }: { platformId: string }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const recs = useLoad(() => api<RecognitionRow[]>(`/platforms/${platformId}/recognitions`), [platformId]);
  const [error, setError] = useState<string>();
  const submit = async (v: { level: string; evidence: string }) => {
    setError(undefined);
    try {
      await api(`/platforms/${platformId}/recognitions`, { method: 'POST', body: v });
      message.success('认定申请已提交');
      form.resetFields();
      recs.reload();
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <LoadedTable
        load={recs}
        rows={recs.data ?? []}
        empty="还没有认定申请"
        columns={[
          { title: '级别', dataIndex: 'level', render: (l: string) => label(RECOGNITION_LEVEL, l) },
          { title: '佐证材料', dataIndex: 'evidence' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r: RecognitionRow) => (
              <Space direction="vertical" size={0}>
                <Tag>{label(RECOGNITION_STATUS, s)}</Tag>
                {r.validUntil && <span>有效期至 {r.validUntil}</span>}
                {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
      {error && <Alert type="error" showIcon message={error} />}
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }} initialValues={{ level: 'CITY' }}>
        <Form.Item name="level" label="申请级别">
          <Select
            options={['CITY', 'PROVINCE', 'NATIONAL'].map((value) => ({ value, label: RECOGNITION_LEVEL[value] }))}
          />
        </Form.Item>
        <Form.Item name="evidence" label="佐证材料说明" rules={[{ required: true, message: '请填写佐证材料' }]}>
          <Input.TextArea rows={3} placeholder="如：2025 年服务企业 63 家，中试收入 1,280 万元；CNAS 认可实验室。" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          提交认定申请
        </Button>
      </Form>
    </Space>
  );
}
