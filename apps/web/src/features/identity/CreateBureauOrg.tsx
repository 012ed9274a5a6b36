import { Alert, Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { api, RequestBody, Schema } from '../../shared/api';
import { useDialogSubmit } from '../../shared/useDialogSubmit';

type CreateOrg = RequestBody<'CreateOrgDto'>;

/** Admin: creates a bureau (科技局) org with its owner account (POST /orgs); the bureau is verified at once. */
export function CreateBureauOrg() {
  const [created, setCreated] = useState<Schema<'OrgResponseDto'>>();
  const { form, error, busy, submit } = useDialogSubmit(
    async (v: Omit<CreateOrg, 'kind'>) => {
      setCreated(await api<Schema<'OrgResponseDto'>>('/orgs', { method: 'POST', body: { ...v, kind: 'BUREAU' } }));
    },
    () => form.resetFields(),
  );
  return (
    <Card title="新建监管机构" size="small" data-testid="create-bureau">
      <Typography.Paragraph type="secondary">
        为科技主管部门开通账号：填写机构信息与首位负责人账号，负责人登录后可添加审核员、拨付员。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {created && <Alert type="success" showIcon message={`已创建：${created.name}`} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="机构名称" rules={[{ required: true, message: '请填写机构名称' }]}>
              <Input placeholder="如：晋江市科学技术局" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="uscc"
              label="统一社会信用代码"
              rules={[{ required: true, message: '请填写统一社会信用代码' }]}
            >
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="regionCode"
              label="管辖地区代码"
              extra="6 位行政区划代码，如 350582（晋江市）"
              rules={[{ required: true, pattern: /^\d{6}$/, message: '请填写 6 位行政区划代码' }]}
            >
              <Input maxLength={6} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['owner', 'displayName']}
              label="负责人姓名"
              rules={[{ required: true, message: '请填写负责人姓名' }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['owner', 'email']}
              label="负责人邮箱"
              rules={[{ required: true, type: 'email', message: '请填写有效的邮箱' }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['owner', 'password']}
              label="初始密码"
              rules={[{ required: true, min: 8, message: '初始密码至少 8 位' }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>
          创建
        </Button>
      </Form>
    </Card>
  );
}
