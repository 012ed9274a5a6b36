import { Alert, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { api, listItems } from '../../shared/api';
import type { Claim, Order } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { applyApiErrors } from '../../shared/errors';
import { label } from '../../shared/labels';
import { CLAIM_STATUS } from '../../shared/labels/voucher';
import { useLoad } from '../../shared/useLoad';

/** SPEC §6 rounding as the SME sees it at checkout (the API states it in the rule and hold schemas). */
export const ROUNDING_NOTE =
  '抵扣金额按项目补贴规则逐档计算，每档金额舍去不足 1 分的部分（向下取整到分）后相加，并受服务券余额及各项上限限制。';

/** After completion and payment: file the voucher claim (REIMBURSE: the SME is the payee; DEDUCT: the platform). */
export function ClaimCard({ order, deduct }: { order: Order; deduct: boolean }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [filed, setClaim] = useState<Claim>();
  // The list has no order filter: every page is read (an org past 100 claims found none before).
  const claims = useLoad(() => listItems<'ClaimPageDto'>('/claims'), [order.id]);
  const claim = filed ?? claims.data?.find((c) => c.orderId === order.id);
  const submit = async (values: { invoiceNumber: string; invoiceAmountYuan: number; paymentReference: string }) => {
    setError(undefined);
    try {
      const filed = await api<Claim>('/claims', {
        method: 'POST',
        idempotent: true,
        body: {
          orderId: order.id,
          contractNumber: order.contractNumber,
          invoiceNumber: values.invoiceNumber,
          invoiceAmountFen: Math.round(values.invoiceAmountYuan * 100),
          paymentReference: values.paymentReference,
        },
      });
      setClaim(filed);
    } catch (e) {
      setError(applyApiErrors(form, e));
    }
  };
  return (
    <Card title={deduct ? '服务券抵扣兑付（平台申请）' : '申请服务券兑付'} size="small" loading={claims.loading}>
      {deduct && !claim && (
        <Typography.Paragraph type="secondary">
          本订单由服务券直接抵扣 {yuan(order.voucherDeductionFen ?? 0)}
          ，企业自付部分付清后，由平台凭发票和付款凭证申请兑付抵扣金额。
        </Typography.Paragraph>
      )}
      {claim ? (
        <Alert
          type="success"
          showIcon
          data-testid="claim-filed"
          message={`兑付申请已提交（${label(CLAIM_STATUS, claim.status)}），金额 ${yuan(claim.amountFen)}`}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ invoiceAmountYuan: order.agreedAmountFen / 100 }}
          style={{ maxWidth: 480 }}
        >
          {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} />}
          <Form.Item name="invoiceNumber" label="发票号码" rules={[{ required: true, message: '请输入发票号码' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="invoiceAmountYuan"
            label="发票金额（元）"
            rules={[{ required: true, message: '请输入发票金额' }]}
          >
            <InputNumber min={0.01} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="paymentReference"
            label="付款凭证号"
            rules={[{ required: true, message: '请输入付款凭证号' }]}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            提交兑付申请
          </Button>
        </Form>
      )}
    </Card>
  );
}
