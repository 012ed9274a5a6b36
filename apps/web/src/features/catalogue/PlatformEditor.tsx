import { Alert, App as AntApp, Button, Divider, Form } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';
import { Platform, platformBody, PlatformFormValues, platformValues } from './platform-form';
import { PlatformFields } from './PlatformFields';
import { PlatformReviewStatus } from './PlatformReviewStatus';
import { QualificationsField } from './QualificationsField';

/**
 * Operator: the 平台信息 tab — the review status and outcome (提交审核 / 重新提交审核), and the whole
 * platform with its qualifications to edit (the API allows it in every state but DELISTED). Field
 * errors from the API show next to their fields.
 */
export function PlatformEditor({ platform, onChanged }: { platform: Platform; onChanged: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PlatformFormValues>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const frozen = platform.status === 'DELISTED';
  const save = async (v: PlatformFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/platforms/${platform.id}`, { method: 'PATCH', body: platformBody(v) });
      message.success('平台信息已保存');
      onChanged();
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PlatformReviewStatus platform={platform} onChanged={onChanged} />
      <Divider style={{ margin: '12px 0' }} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        key={`${platform.id}:${platform.updatedAt}`}
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={frozen}
        style={{ maxWidth: 760 }}
        initialValues={platformValues(platform)}
        data-testid="platform-editor"
      >
        <PlatformFields />
        <Divider style={{ margin: '8px 0 16px' }} />
        <QualificationsField platform={platform} disabled={frozen} onUploaded={onChanged} />
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
          保存平台信息
        </Button>
      </Form>
    </>
  );
}
