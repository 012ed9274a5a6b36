import { Alert, Form, Input, Modal, Select } from 'antd';
import { api, listItems, RequestBody } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

type Values = Omit<RequestBody<'CreatePolicyNoticeDto'>, 'links'> & { linkUrl?: string };

/** Bureau: draft a policy notice (政策资讯), linked to its own voucher programs and the original's web page. */
export function PolicyFormModal({ onClose }: { onClose: (saved: boolean) => void }) {
  const programs = useLoad(async () => ({ items: await listItems<'ProgramPageDto'>('/voucher-programs') }), []);
  const { form, error, busy, submit } = useDialogSubmit<Values>(
    ({ linkUrl, ...rest }) =>
      api('/policy-notices', {
        method: 'POST',
        body: { ...rest, links: linkUrl ? [{ title: '政策原文', url: linkUrl }] : [] },
      }),
    () => onClose(true),
    { 'links.0.url': 'linkUrl' },
  );
  return (
    <Modal
      open
      title="新增政策资讯"
      okText="保存草稿"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      width={720}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="issuingBody" label="发文机关" rules={[{ required: true, message: '请填写发文机关' }]}>
          <Input placeholder="如：泉州市科学技术局" />
        </Form.Item>
        <Form.Item name="documentNumber" label="文号">
          <Input placeholder="如：泉科〔2023〕12号" />
        </Form.Item>
        <Form.Item name="issuedOn" label="成文日期" rules={[{ required: true, message: '请填写成文日期' }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="body" label="正文" rules={[{ required: true, message: '请填写正文' }]}>
          <Input.TextArea rows={8} />
        </Form.Item>
        <Form.Item name="linkUrl" label="原文链接">
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item name="programIds" label="关联服务券项目">
          <Select
            mode="multiple"
            loading={programs.loading}
            options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
