import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  TreeSelect,
} from 'antd';
import { api } from '../../shared/api';
import { STAGE } from '../../shared/labels/demand';
import { fieldTree, useIndustryFields } from '../../shared/fieldTree';
import { PRICING, SERVICE_CATEGORY } from '../../shared/labels/catalogue';
import { ServiceRow } from './types';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

export function ServiceModal({
  platformId,
  service,
  onClose,
}: {
  platformId: string;
  service?: ServiceRow;
  onClose: (done: boolean) => void;
}) {
  const { message } = AntApp.useApp();
  const fields = useIndustryFields();
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: Record<string, unknown> & { priceYuan?: number }) => {
      const { priceYuan, ...rest } = v;
      const body = {
        ...rest,
        priceFen: v.pricingKind === 'QUOTE' || !priceYuan ? undefined : Math.round(priceYuan * 100),
        unitName: v.pricingKind === 'UNIT' ? rest.unitName : undefined,
      };
      if (service) await api(`/services/${service.id}`, { method: 'PATCH', body });
      else await api(`/platforms/${platformId}/services`, { method: 'POST', body });
      message.success(service ? '服务已保存' : '服务已创建（草稿），发布后可被搜索');
    },
    () => onClose(true),
    { priceFen: 'priceYuan' },
  );
  const pricingKind = Form.useWatch('pricingKind', form) as string | undefined;
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
