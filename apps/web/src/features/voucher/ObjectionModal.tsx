import { Alert, Button, Form, Input, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { NoticeItem } from './public-notice';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

export function ObjectionModal({ item, onClose }: { item: NoticeItem; onClose: (done: boolean) => void }) {
  const [done, setDone] = useState(false);
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: { contact: string; reason: string }) => {
      await api(`/claims/${item.claimId}/objections`, {
        method: 'POST',
        body: { contact: v.contact.trim(), reason: v.reason.trim() },
      });
    },
    () => setDone(true),
  );
  return (
    <Modal open title="提出异议" onCancel={() => onClose(done)} footer={null} destroyOnClose>
      {done ? (
        <Result
          status="success"
          title="异议已提交"
          subTitle="主管部门将核查处理，必要时通过您留下的联系方式与您联系。核查期间该笔兑付暂停拨付。"
          extra={<Button onClick={() => onClose(true)}>关闭</Button>}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {item.smeName} · {item.platformName} · 兑付 {yuan(item.amountFen)}，公示至 {item.noticeUntil}。
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item
              name="contact"
              label="联系方式"
              extra="电话或邮箱，仅主管部门可见"
              rules={[{ required: true, whitespace: true, message: '请填写联系方式' }]}
            >
              <Input maxLength={120} placeholder="如 138 0000 0000" />
            </Form.Item>
            <Form.Item
              name="reason"
              label="异议理由"
              rules={[
                { required: true, whitespace: true, message: '请填写异议理由' },
                { min: 5, message: '异议理由至少 5 个字' },
              ]}
            >
              <Input.TextArea rows={4} maxLength={2000} placeholder="请写明异议的事实和依据" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              提交异议
            </Button>
          </Form>
        </>
      )}
    </Modal>
  );
}
