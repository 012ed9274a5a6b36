import { Alert, App as AntApp, Button, Form, Input, InputNumber, Modal } from 'antd';
import { api, RequestBody } from '../../shared/api';
import { Program } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

export function ApplyModal({ program, onClose }: { program: Program; onClose: (done: boolean) => void }) {
  const { message } = AntApp.useApp();
  const { form, error, busy, submit } = useDialogSubmit(
    async (values: { amountYuan: number; purpose: string }) => {
      await api(`/voucher-programs/${program.id}/applications`, {
        method: 'POST',
        body: {
          amountFen: Math.round(values.amountYuan * 100),
          purpose: values.purpose,
        } satisfies RequestBody<'ApplyDto'>,
      });
      message.success('申请已提交，等待主管部门审核');
    },
    () => onClose(true),
    { amountFen: 'amountYuan' },
  );
  return (
    <Modal open title={`申请：${program.name}`} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ amountYuan: program.maxVoucherFen / 100 }}>
        <Form.Item
          name="amountYuan"
          label="申请金额（元）"
          extra={`单张服务券最高 ${yuan(program.maxVoucherFen)}`}
          rules={[{ required: true, message: '请输入申请金额' }]}
        >
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="purpose" label="用途" rules={[{ required: true, message: '请填写用途' }]}>
          <Input.TextArea rows={3} placeholder="如：石墨烯改性EVA鞋底中试放大及性能检测" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          提交申请
        </Button>
      </Form>
    </Modal>
  );
}
