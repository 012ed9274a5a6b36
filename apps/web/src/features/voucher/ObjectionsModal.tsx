import { Alert, Button, Descriptions, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, listItems, Schema } from '../../shared/api';
import { yuan } from '../../shared/money';
import { applyApiErrors } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import { OBJECTION_STATUS } from '../../shared/labels/voucher';

type Objection = Schema<'ObjectionResponseDto'>;

/**
 * Bureau: the objections (异议) lodged against a claim during its public notice, each upheld (the claim is
 * rejected, its amount goes back to the SME's voucher) or dismissed (the notice continues) with a note.
 */
export function ObjectionsModal({
  claim,
  onClose,
}: {
  claim: { id: string; contractNumber: string; amountFen?: number; noticeUntil: string | null };
  onClose: (changed: boolean) => void;
}) {
  const objections = useLoad(() => listItems<'ObjectionPageDto'>(`/claims/${claim.id}/objections`), [claim.id]);
  const [changed, setChanged] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const decide = async (objection: Objection, outcome: 'uphold' | 'dismiss') => {
    setError(undefined);
    try {
      const { note } = await form.validateFields();
      setBusy(`${objection.id}:${outcome}`);
      await api(`/claim-objections/${objection.id}/${outcome}`, { method: 'POST', body: { note: note.trim() } });
      form.resetFields();
      setChanged(true);
      objections.reload();
    } catch (e) {
      // a failed validateFields has already marked the field
      if (!(e && typeof e === 'object' && 'errorFields' in e)) setError(applyApiErrors(form, e));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Modal open title="公示异议处理" onCancel={() => onClose(changed)} footer={null} width={720} destroyOnClose>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="合同编号">{claim.contractNumber}</Descriptions.Item>
        <Descriptions.Item label="兑付金额">{yuan(claim.amountFen)}</Descriptions.Item>
        <Descriptions.Item label="公示截止">{claim.noticeUntil ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        异议成立：该笔兑付驳回，金额退回企业服务券；异议不成立：公示继续，期满后可拨付。处理意见将通知申请方。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {objections.error && <Alert type="error" message={objections.error} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label="处理意见"
          rules={[{ required: true, whitespace: true, message: '请填写处理意见' }]}
        >
          <Input.TextArea rows={2} maxLength={2000} placeholder="如：经核查，双方不存在关联关系，异议不成立" />
        </Form.Item>
      </Form>
      <List
        data-testid="objections"
        loading={objections.loading}
        dataSource={objections.data ?? []}
        locale={{ emptyText: <Empty description="没有异议" /> }}
        renderItem={(o) => (
          <List.Item
            actions={
              o.status === 'OPEN'
                ? [
                    <Button
                      key="uphold"
                      danger
                      size="small"
                      loading={busy === `${o.id}:uphold`}
                      onClick={() => decide(o, 'uphold')}
                    >
                      异议成立（驳回兑付）
                    </Button>,
                    <Button
                      key="dismiss"
                      size="small"
                      loading={busy === `${o.id}:dismiss`}
                      onClick={() => decide(o, 'dismiss')}
                    >
                      异议不成立
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag color={OBJECTION_STATUS[o.status].color}>{OBJECTION_STATUS[o.status].text}</Tag>
                  <span>联系方式：{o.contact}</span>
                </Space>
              }
              description={
                <>
                  <div>异议理由：{o.reason}</div>
                  {o.decisionNote && <div>处理意见：{o.decisionNote}</div>}
                  <div>提出时间：{new Date(o.createdAt).toLocaleString('zh-CN')}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
