import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { api, RequestBody } from '../../shared/api';
import type { Quote } from '../../shared/api-types';
import { DECLINE_REASON } from '../../shared/labels/demand';
import { useDialogSubmit } from '../../shared/useDialogSubmit';
import { yuan } from '../../shared/money';

type Decline = RequestBody<'DeclineQuoteDto'>;
type Revise = RequestBody<'ReviseQuoteDto'>;

/**
 * From the comparison: ask the platform for a revision (what should change) or decline its quote with a
 * structured reason (the API's reason codes) and an optional comment — the platform sees both.
 */
export function QuoteActionModal({
  quote,
  platformName,
  action,
  onClose,
}: {
  quote: Quote;
  platformName: string;
  action: 'revise' | 'decline';
  onClose: (done: boolean) => void;
}) {
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: Decline & Revise) => {
      const body = action === 'revise' ? { note: v.note } : { reason: v.reason, comment: v.comment || undefined };
      await api(`/quotes/${quote.id}/${action}`, { method: 'POST', body });
    },
    () => onClose(true),
  );
  const title = `${action === 'revise' ? '请求修改报价' : '婉拒报价'}：${platformName}（${yuan(quote.priceFen)}）`;
  return (
    <Modal open title={title} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {action === 'revise' ? (
          <Form.Item
            name="note"
            label="修改要求"
            extra="平台将看到您的要求，修改后重新提交报价。"
            rules={[{ required: true, message: '请说明希望平台修改什么' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="reason" label="婉拒原因" rules={[{ required: true, message: '请选择婉拒原因' }]}>
              <Select options={Object.entries(DECLINE_REASON).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="comment" label="补充说明" extra="选填；平台将看到原因和说明。">
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={busy} block danger={action === 'decline'}>
          {action === 'revise' ? '发送修改要求' : '确认婉拒'}
        </Button>
      </Form>
    </Modal>
  );
}
