import { Alert, App as AntApp, Button, Divider, Form, Modal } from 'antd';
import { useRef } from 'react';
import { api } from '../../shared/api';
import { useDialogSubmit } from '../../shared/useDialogSubmit';
import { Platform, platformBody, PlatformFormValues } from './platform-form';
import { PlatformFields } from './PlatformFields';
import { QualificationsField } from './QualificationsField';

/**
 * Operator: creates a platform (a DRAFT, hosted by its org) with its qualifications. `onClose` gets the
 * new platform's id, or nothing when the dialog was cancelled.
 */
export function CreatePlatformModal({ onClose }: { onClose: (createdId?: string) => void }) {
  const { message } = AntApp.useApp();
  const created = useRef<string>();
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: PlatformFormValues) => {
      const platform = await api<Platform>('/platforms', { method: 'POST', body: platformBody(v) });
      created.current = platform.id;
      message.success('平台已创建（草稿），完善信息后请提交审核');
    },
    () => onClose(created.current),
  );
  return (
    <Modal open title="创建平台" onCancel={() => onClose()} footer={null} destroyOnClose width={720}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ type: 'PILOT_SERVICE', operatingModel: 'SPECIALIZED', qualifications: [] }}
      >
        <PlatformFields />
        <Divider style={{ margin: '8px 0 16px' }} />
        <QualificationsField />
        <Button type="primary" htmlType="submit" loading={busy} block style={{ marginTop: 16 }}>
          创建平台
        </Button>
      </Form>
    </Modal>
  );
}
