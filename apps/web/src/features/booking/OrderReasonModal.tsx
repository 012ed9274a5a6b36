import { Alert, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../shared/api';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

/** What each reasoned action does, said where the user gives the reason. */
const COPY = {
  cancel: {
    title: '取消订单',
    ok: '确认取消',
    label: '取消原因',
    placeholder: '如：需求有变，暂不开展该项中试',
    explain: '开始服务前双方均可取消。取消后订单终止，已占用的服务券额度自动退回；对方会收到通知并看到原因。',
  },
  dispute: {
    title: '对交付提出异议',
    ok: '提交异议',
    label: '异议原因',
    placeholder: '如：检测报告缺少第 3 批样品的数据',
    explain: '提出异议后订单进入“争议中”：平台可返工（重新开始服务）后再次交付，您也可以在协商后确认验收。',
  },
} as const;

/**
 * The reason dialog of a cancellation or a dispute (POST /orders/:id/cancel|dispute with `note`): the
 * dispute's reason is required by the API, the cancellation's optional; the API's error shows at the field.
 */
export function OrderReasonModal({
  orderId,
  action,
  onClose,
}: {
  orderId: string;
  action: 'cancel' | 'dispute';
  onClose: (done: boolean) => void;
}) {
  const copy = COPY[action];
  const { form, error, busy, submit } = useDialogSubmit<{ note?: string }>(
    (v) =>
      api(`/orders/${orderId}/${action}`, {
        method: 'POST',
        body: v.note && v.note.trim() ? { note: v.note.trim() } : {},
      }),
    () => onClose(true),
  );
  return (
    <Modal
      open
      title={copy.title}
      okText={copy.ok}
      cancelText="返回"
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">{copy.explain}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="order-reason-form">
        <Form.Item
          name="note"
          label={copy.label}
          // The API requires the dispute's reason; a cancellation's is optional but shown to the other party.
          rules={action === 'dispute' ? [{ required: true, whitespace: true, message: '请填写异议原因' }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={copy.placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
