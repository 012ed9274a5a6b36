import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, Session, setSession } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';
import { homeOf } from '../../shared/session';

export function LoginPage() {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<Session>('/auth/login', { method: 'POST', body: values });
      setSession(session);
      navigate(homeOf(session.org.kind));
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="登录" style={{ maxWidth: 420, margin: '24px auto' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="email" label="邮箱" rules={[{ required: true, message: '请输入邮箱' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
      <p style={{ marginTop: 12 }}>
        还没有账号？<Link to="/register">注册企业或平台</Link>
      </p>
    </Card>
  );
}
