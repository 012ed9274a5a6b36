import { Alert, Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useDialogSubmit } from '../../shared/useDialogSubmit';
import type { VoucherApplication } from '../../shared/api-types';

export function DecisionModal({
  app,
  approve,
  onClose,
}: {
  app: VoucherApplication;
  approve: boolean;
  onClose: (done: boolean) => void;
}) {
  const { form, error, busy, submit } = useDialogSubmit(
    async (values: { amountYuan?: number; reason?: string }) => {
      await api(`/voucher-applications/${app.id}/${approve ? 'approve' : 'reject'}`, {
        method: 'POST',
        idempotent: true,
        body: approve ? { amountFen: Math.round((values.amountYuan ?? 0) * 100) } : { reason: values.reason },
      });
    },
    () => onClose(true),
    { amountFen: 'amountYuan' },
  );
  return (
    <Modal
      open
      title={approve ? '批准服务券申请' : '驳回服务券申请'}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">
        {app.smeOrgName ? `${app.smeOrgName} · ` : ''}用途：{app.purpose} · 申请 {yuan(app.requestedFen)}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ amountYuan: app.requestedFen / 100 }}>
        {approve ? (
          <Form.Item
            name="amountYuan"
            label="批准金额（元）"
            extra="可少于申请金额；从项目预算中发券"
            rules={[{ required: true, message: '请输入批准金额' }]}
          >
            <InputNumber min={0.01} max={app.requestedFen / 100} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="reason" label="驳回理由" rules={[{ required: true, message: '请填写驳回理由' }]}>
            <Input.TextArea rows={3} placeholder="如：申请材料不全：缺少科技型中小企业入库证明" />
          </Form.Item>
        )}
        <Button type="primary" danger={!approve} htmlType="submit" loading={busy} block>
          {approve ? '确认批准' : '确认驳回'}
        </Button>
      </Form>
    </Modal>
  );
}
