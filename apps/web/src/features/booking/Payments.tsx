import { Alert, Button, Card, Empty, Form, Input, InputNumber, List } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { yuan } from '../../shared/money';
import { applyApiErrors } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import { today } from '../../shared/dates';

export function Payments({ orderId, owedFen, onPaid }: { orderId: string; owedFen: number; onPaid: () => void }) {
  const [form] = Form.useForm();
  const payments = useLoad(() => api<Schema<'PaymentsResponseDto'>>(`/orders/${orderId}/payments`), [orderId]);
  const [error, setError] = useState<string>();
  const rows = payments.data?.items ?? [];
  const submit = async (values: { amountYuan: number; reference: string }) => {
    setError(undefined);
    try {
      await api(`/orders/${orderId}/payments`, {
        method: 'POST',
        idempotent: true,
        body: {
          amountFen: Math.round(values.amountYuan * 100),
          paidOn: today(),
          method: 'BANK_TRANSFER',
          reference: values.reference,
        },
      });
      form.resetFields();
      payments.reload();
      onPaid();
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  return (
    <Card title="付款记录" size="small">
      <List
        size="small"
        loading={payments.loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description="暂无付款记录" /> }}
        renderItem={(p) => (
          <List.Item>
            {p.paidOn} · {yuan(p.amountFen)} · 凭证 {p.reference}
          </List.Item>
        )}
      />
      {owedFen > 0 && (
        <Form
          form={form}
          layout="inline"
          onFinish={submit}
          style={{ marginTop: 12, rowGap: 8 }}
          initialValues={{ amountYuan: owedFen / 100 }}
        >
          {error && <Alert type="error" message={error} style={{ width: '100%', marginBottom: 8 }} />}
          <Form.Item name="amountYuan" label="金额（元）" rules={[{ required: true, message: '请输入金额' }]}>
            <InputNumber min={0.01} />
          </Form.Item>
          <Form.Item name="reference" label="付款凭证号" rules={[{ required: true, message: '请输入凭证号' }]}>
            <Input />
          </Form.Item>
          <Button htmlType="submit">登记付款</Button>
        </Form>
      )}
    </Card>
  );
}
