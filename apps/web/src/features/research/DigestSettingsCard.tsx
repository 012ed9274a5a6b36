import { Alert, App as AntApp, Card, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api, getSession, Schema } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';

type Frequency = Schema<'DigestSettingsDto'>['frequency'];

const OPTIONS: { value: Frequency; label: string }[] = [
  { value: 'WEEKLY', label: '每周' },
  { value: 'DAILY', label: '每天' },
  { value: 'OFF', label: '不接收' },
];

const WHAT: Record<string, string> = {
  PLATFORM_OPERATOR: '与本平台服务匹配的新科技成果和新中试需求',
  SME: '所订阅领域的新科技成果',
  INSTITUTE: '新科技成果动态（本单位发布的成果按各平台、企业自己的设置推送给它们）',
};

/** 成果推送设置: how often the org's inbox (and webhook) gets the research digest. */
export function DigestSettingsCard() {
  const { message } = AntApp.useApp();
  const session = getSession();
  const orgId = session?.org.id;
  const setting = useLoad(() => api<Schema<'DigestSettingsDto'>>(`/orgs/${orgId}/digest-settings`), [orgId]);
  const [saving, setSaving] = useState(false);
  const save = async (frequency: Frequency) => {
    setSaving(true);
    try {
      await api(`/orgs/${orgId}/digest-settings`, { method: 'PUT', body: { frequency } });
      message.success('推送设置已保存');
      setting.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="成果推送设置" size="small" loading={setting.loading} data-testid="digest-settings">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        定期向消息中心推送{WHAT[session?.org.kind ?? ''] ?? '新科技成果'}（每周一零点起算，北京时间）。
      </Typography.Paragraph>
      {setting.error && <Alert type="warning" showIcon message={setting.error} style={{ marginBottom: 8 }} />}
      <Radio.Group
        optionType="button"
        disabled={saving}
        value={setting.data?.frequency}
        onChange={(e) => void save(e.target.value as Frequency)}
        options={OPTIONS}
      />
    </Card>
  );
}
