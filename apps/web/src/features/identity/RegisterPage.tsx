import { Alert, Button, Card, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, Session, setSession } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';
import { homeOf } from '../../shared/session';

export function RegisterPage() {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const submit = async (values: {
    org: { kind: string; name: string; uscc: string; regionCode: string };
    user: { email: string; password: string; displayName: string };
  }) => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<Session>('/auth/register', { method: 'POST', body: values });
      setSession(session);
      navigate(homeOf(session.org.kind));
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="注册" style={{ maxWidth: 520, margin: '24px auto' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ org: { kind: 'SME', regionCode: '350582' } }}
      >
        <Form.Item name={['org', 'kind']} label="机构类型">
          <Radio.Group
            options={[
              { value: 'SME', label: '中小企业（需求方）' },
              { value: 'PLATFORM_OPERATOR', label: '中试平台运营单位' },
              { value: 'INSTITUTE', label: '高校、科研院所、新型研发机构（成果方）' },
            ]}
          />
        </Form.Item>
        <Form.Item name={['org', 'name']} label="企业名称" rules={[{ required: true, message: '请输入企业名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name={['org', 'uscc']}
          label="统一社会信用代码"
          rules={[{ required: true, message: '请输入 18 位统一社会信用代码' }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name={['org', 'regionCode']} label="所在地区代码" extra="6 位行政区划代码，如 350582（晋江市）">
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item
          name={['user', 'displayName']}
          label="联系人姓名"
          rules={[{ required: true, message: '请输入姓名' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name={['user', 'email']} label="邮箱" rules={[{ required: true, message: '请输入邮箱' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name={['user', 'password']} label="密码" rules={[{ required: true, message: '请设置密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          注册
        </Button>
      </Form>
    </Card>
  );
}
