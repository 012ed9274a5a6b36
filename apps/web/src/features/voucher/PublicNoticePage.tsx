import { Alert, Button, Card, Empty, Form, Input, Modal, Result, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { applyApiErrors } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';

export interface NoticeItem {
  claimId: string;
  smeName: string;
  platformName: string;
  amountFen: number;
  approvedOn: string;
  noticeUntil: string;
  status: 'APPROVED' | 'UNDER_OBJECTION';
}

/** How to object, as the notice itself says it (SPEC §6: "during it anyone may object (异议) through a public form"). */
export const HOW_TO_OBJECT =
  '公示期内，任何单位或个人对下列兑付有异议的，可点击“提出异议”，如实填写联系方式和异议理由（匿名或无具体理由的异议不予受理）。' +
  '主管部门核查后处理：异议成立的，该笔兑付不予拨付；异议不成立的，公示期满后拨付。';

export function noticeUrl(programId: string): string {
  return `/public-notice/${programId}`;
}

/** 公示: the approved claims of a program during their notice, with the objection form — public, no login. */
export function PublicNoticePage() {
  const { programId = '' } = useParams();
  const notice = useLoad(() => api<NoticeItem[]>(`/voucher-programs/${programId}/public-notice`), [programId]);
  return (
    <Card title="服务券兑付公示" data-testid="public-notice-page">
      <Alert type="info" showIcon message="异议方式" description={HOW_TO_OBJECT} style={{ marginBottom: 12 }} />
      <PublicNoticeTable notice={notice} onObjected={notice.reload} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        <Link to="/">返回首页</Link>
      </Typography.Paragraph>
    </Card>
  );
}

export function PublicNoticeTable({
  notice,
  onObjected,
}: {
  notice: { data?: NoticeItem[]; loading: boolean; error?: string };
  onObjected?: () => void;
}) {
  const [objecting, setObjecting] = useState<NoticeItem>();
  return (
    <>
      {notice.error && <Alert type="error" message={notice.error} />}
      <Table
        rowKey="claimId"
        size="small"
        data-testid="public-notice"
        loading={notice.loading}
        dataSource={notice.data ?? []}
        pagination={false}
        scroll={{ x: 680 }}
        locale={{ emptyText: <Empty description="当前没有公示中的兑付" /> }}
        columns={[
          { title: '受益企业', dataIndex: 'smeName' },
          { title: '服务平台', dataIndex: 'platformName' },
          { title: '兑付金额', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
          { title: '批准日期', dataIndex: 'approvedOn' },
          { title: '公示截止', dataIndex: 'noticeUntil' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: NoticeItem['status']) =>
              s === 'UNDER_OBJECTION' ? <Tag color="orange">异议核查中</Tag> : <Tag color="blue">公示中</Tag>,
          },
          ...(onObjected
            ? [
                {
                  title: '异议',
                  key: 'object',
                  render: (_: unknown, item: NoticeItem) => (
                    <Button size="small" onClick={() => setObjecting(item)}>
                      提出异议
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {objecting && (
        <ObjectionModal
          item={objecting}
          onClose={(done) => {
            setObjecting(undefined);
            if (done) onObjected?.();
          }}
        />
      )}
    </>
  );
}

function ObjectionModal({ item, onClose }: { item: NoticeItem; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ contact: string; reason: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (v: { contact: string; reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/claims/${item.claimId}/objections`, {
        method: 'POST',
        body: { contact: v.contact.trim(), reason: v.reason.trim() },
      });
      setDone(true);
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
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
