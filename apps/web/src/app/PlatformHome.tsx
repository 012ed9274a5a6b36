import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  App as AntApp,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, Page, RequestBody } from '../shared/api';
import { Order } from '../shared/api-types';
import { Demand } from '../shared/api-types';
import { yuan } from '../shared/money';
import { applyApiErrors } from '../shared/errors';
import { label } from '../shared/labels';
import { ORDER_STATUS } from '../shared/labels/booking';
import { STAGE } from '../shared/labels/demand';
import { CONFIDENTIALITY } from '../shared/labels/demand';
import { PlatformManage } from '../features/catalogue/PlatformManage';
import { EquipmentDeclarations } from '../features/governance/EquipmentDeclarations';
import { RevenueDeclarations } from '../features/governance/RevenueDeclarations';
import { useLoad } from '../shared/useLoad';

interface PlatformRow {
  id: string;
  name: string;
  status: string;
}

/** Platform home: the demands it may see (search), quoting, and its orders. */
export function PlatformPage() {
  const [q, setQ] = useState('');
  const platforms = useLoad(() => api<Page<PlatformRow>>('/platforms', { query: { mine: true, limit: 50 } }), []);
  const demands = useLoad(
    () => api<Page<Demand & { score: number }>>('/search/demands', { query: { q, limit: 20 } }),
    [q],
  );
  const orders = useLoad(() => api<Page<Order>>('/orders', { query: { limit: 50 } }), []);
  const [quoting, setQuoting] = useState<Demand>();
  const listed = (platforms.data?.items ?? []).filter((p) => p.status === 'LISTED');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        平台工作台
      </Typography.Title>
      {platforms.data && listed.length === 0 && (
        <Alert type="warning" showIcon message="您的平台尚未上架，上架后才能报价。" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title="需求大厅"
            size="small"
            extra={<Input.Search placeholder="搜索需求" allowClear onSearch={setQ} style={{ width: 200 }} />}
          >
            {demands.error && <Alert type="error" message={demands.error} />}
            <List
              data-testid="demand-hall"
              loading={demands.loading}
              dataSource={demands.data?.items ?? []}
              locale={{ emptyText: <Empty description="暂无可见的需求" /> }}
              renderItem={(d) => (
                <List.Item
                  actions={[
                    <Button
                      key="quote"
                      type="primary"
                      size="small"
                      disabled={listed.length === 0}
                      onClick={() => setQuoting(d)}
                    >
                      报价
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={d.title}
                    description={
                      <Space wrap size={4}>
                        <Tag>{label(STAGE, d.stage)}</Tag>
                        <Tag>{CONFIDENTIALITY[d.confidentiality]?.label ?? d.confidentiality}</Tag>
                        {d.budgetMaxFen ? <span>预算至 {yuan(d.budgetMaxFen)}</span> : null}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="我的订单" size="small">
            <Table
              rowKey="id"
              size="small"
              data-testid="platform-orders"
              loading={orders.loading}
              dataSource={orders.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: <Empty description="暂无订单" /> }}
              columns={[
                {
                  title: '合同编号',
                  dataIndex: 'contractNumber',
                  render: (c: string, o: Order) => <Link to={`/orders/${o.id}`}>{c}</Link>,
                },
                { title: '金额', dataIndex: 'agreedAmountFen', render: (f: number) => yuan(f) },
                { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(ORDER_STATUS, s)}</Tag> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <PlatformManage />
      <EquipmentDeclarations />
      <RevenueDeclarations />
      {quoting && <QuoteModal demand={quoting} platforms={listed} onClose={() => setQuoting(undefined)} />}
    </Space>
  );
}

function QuoteModal({ demand, platforms, onClose }: { demand: Demand; platforms: PlatformRow[]; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: {
    platformId: string;
    priceYuan: number;
    timelineDays: number;
    scope: string;
    validUntil: Dayjs;
  }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/demands/${demand.id}/quotes`, {
        method: 'POST',
        body: {
          platformId: values.platformId,
          priceFen: Math.round(values.priceYuan * 100),
          timelineDays: values.timelineDays,
          scope: values.scope,
          validUntil: values.validUntil.format('YYYY-MM-DD'),
        } satisfies RequestBody<'SubmitQuoteDto'>,
      });
      message.success('报价已提交');
      onClose();
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`报价：${demand.title}`} onCancel={onClose} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ platformId: platforms[0]?.id, timelineDays: 30, validUntil: dayjs().add(30, 'day') }}
      >
        <Form.Item name="platformId" label="报价平台" rules={[{ required: true, message: '请选择平台' }]}>
          <Select options={platforms.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="priceYuan" label="报价金额（元）" rules={[{ required: true, message: '请输入报价金额' }]}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="timelineDays" label="周期（天）" rules={[{ required: true, message: '请输入周期' }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="scope" label="服务范围" rules={[{ required: true, message: '请描述服务范围' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="validUntil" label="报价有效期至" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          提交报价
        </Button>
      </Form>
    </Modal>
  );
}
