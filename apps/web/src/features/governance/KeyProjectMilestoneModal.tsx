import { Alert, Form, Input, Modal, Select } from 'antd';
import { api, RequestBody } from '../../shared/api';
import { options } from '../../shared/labels';
import { KEY_PROJECT_STAGE } from '../../shared/labels/governance';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

type Values = RequestBody<'CreateMilestoneDto'>;

/**
 * Bureau: add a milestone to a key project. The dates are checked by the API (a missing or impossible due
 * date, a done date after today), its errors shown next to the field.
 */
export function KeyProjectMilestoneModal({
  projectId,
  stage,
  onClose,
}: {
  projectId: string;
  stage: Values['stage'];
  onClose: (saved: boolean) => void;
}) {
  const { form, error, busy, submit } = useDialogSubmit<Values>(
    ({ doneOn, note, ...rest }) =>
      api(`/key-projects/${projectId}/milestones`, {
        method: 'POST',
        body: { ...rest, ...(doneOn && { doneOn }), ...(note && { note }) },
      }),
    () => onClose(true),
  );
  return (
    <Modal
      open
      title="添加里程碑"
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ stage }}>
        <Form.Item name="stage" label="阶段">
          <Select options={options(KEY_PROJECT_STAGE)} />
        </Form.Item>
        <Form.Item name="title" label="里程碑" rules={[{ required: true, message: '请填写里程碑' }]}>
          <Input placeholder="如：完成中试线工艺验证" />
        </Form.Item>
        <Form.Item name="dueOn" label="截止日期">
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="doneOn" label="完成日期" extra="已完成的填写；未完成留空">
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
