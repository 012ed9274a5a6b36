import { Alert, App as AntApp, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';
import type { Instrument } from '../booking/schedule';

export function EquipmentModal({
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
