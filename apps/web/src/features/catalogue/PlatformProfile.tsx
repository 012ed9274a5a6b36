import { Alert, App as AntApp, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { applyApiErrors } from '../../shared/errors';
import { label } from '../../shared/labels';
import { RECOGNITION_LEVEL, PLATFORM_STATUS } from '../../shared/labels/catalogue';
import { MyPlatform } from './types';

export function Profile({ platform, onSaved }: { platform: MyPlatform; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const run = useAction();
  const [error, setError] = useState<string>();
  const save = async (v: Record<string, string>) => {
    setError(undefined);
    try {
      await api(`/platforms/${platform.id}`, { method: 'PATCH', body: v });
      message.success('平台信息已保存');
      onSaved();
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  const submit = async () => {
    if (await run(() => api(`/platforms/${platform.id}/submit`, { method: 'POST' }), '已提交审核')) onSaved();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Tag>{label(PLATFORM_STATUS, platform.status)}</Tag>
        <span>认定级别：{label(RECOGNITION_LEVEL, platform.recognitionLevel)}</span>
        {platform.statusReason && <Typography.Text type="secondary">（{platform.statusReason}）</Typography.Text>}
        {platform.status === 'DRAFT' && (
          <Button size="small" type="primary" onClick={submit}>
            提交审核
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        style={{ maxWidth: 640 }}
        initialValues={{
          name: platform.name,
          description: platform.description,
          address: platform.address ?? undefined,
          contactName: platform.contactName ?? undefined,
          contactPhone: platform.contactPhone ?? undefined,
        }}
      >
        <Form.Item name="name" label="平台名称" rules={[{ required: true, message: '请填写平台名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="平台简介">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label="联系人">
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话">
            <Input />
          </Form.Item>
        </Space>
        <div>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </div>
      </Form>
    </Space>
  );
}
