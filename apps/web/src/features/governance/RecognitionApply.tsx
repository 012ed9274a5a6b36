import { Alert, App as AntApp, Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, listItems, Schema } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';
import { label } from '../../shared/labels';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { RECOGNITION_STATUS } from '../../shared/labels/governance';
import { useLoad } from '../../shared/useLoad';
import { LoadedTable } from '../../shared/LoadedTable';

export type RecognitionRow = Schema<'RecognitionResponseDto'>;

export function RecognitionApply({ platformId }: { platformId: string }) {
  const [form] = Form.useForm();
  const { message } = AntApp.useApp();
  const recs = useLoad(() => listItems<'RecognitionPageDto'>(`/platforms/${platformId}/recognitions`), [platformId]);
  const [error, setError] = useState<string>();
  const submit = async (v: { level: string; evidence: string }) => {
    setError(undefined);
    try {
      await api(`/platforms/${platformId}/recognitions`, { method: 'POST', body: v });
      message.success('认定申请已提交');
      form.resetFields();
      recs.reload();
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <LoadedTable
        load={recs}
        rows={recs.data ?? []}
        empty="还没有认定申请"
        columns={[
          { title: '级别', dataIndex: 'level', render: (l: string) => label(RECOGNITION_LEVEL, l) },
          { title: '佐证材料', dataIndex: 'evidence' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r: RecognitionRow) => (
              <Space direction="vertical" size={0}>
                <Tag>{label(RECOGNITION_STATUS, s)}</Tag>
                {r.validUntil && <span>有效期至 {r.validUntil}</span>}
                {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
      {error && <Alert type="error" showIcon message={error} />}
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }} initialValues={{ level: 'CITY' }}>
        <Form.Item name="level" label="申请级别">
          <Select
            options={['CITY', 'PROVINCE', 'NATIONAL'].map((value) => ({ value, label: RECOGNITION_LEVEL[value] }))}
          />
        </Form.Item>
        <Form.Item name="evidence" label="佐证材料说明" rules={[{ required: true, message: '请填写佐证材料' }]}>
          <Input.TextArea rows={3} placeholder="如：2025 年服务企业 63 家，中试收入 1,280 万元；CNAS 认可实验室。" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          提交认定申请
        </Button>
      </Form>
    </Space>
  );
}
