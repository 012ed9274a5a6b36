import { Alert, App as AntApp, Button, Card, Empty, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { VoucherOptions } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { errorText } from '../../shared/errors';
import { REASON_TEXT } from '../../shared/labels/voucher';
import { useLoad } from '../../shared/useLoad';
import { ROUNDING_NOTE } from './ClaimCard';
import { ReleaseHoldButton } from './ReleaseHoldButton';

/** At checkout: what each voucher would pay (the best first), and the hold. */
export function VoucherCheckout({ orderId, onHeld }: { orderId: string; onHeld: () => void }) {
  const { message } = AntApp.useApp();
  const options = useLoad(() => api<VoucherOptions>(`/orders/${orderId}/voucher-options`), [orderId]);
  const [chosen, setChosen] = useState<string>();
  const [busy, setBusy] = useState(false);
  const data = options.data;
  const hold = async () => {
    const voucherId = chosen ?? data?.options.find((o) => o.best)?.voucherId;
    if (!voucherId) return;
    setBusy(true);
    try {
      await api(`/orders/${orderId}/voucher-hold`, { method: 'POST', idempotent: true, body: { voucherId } });
      message.success('服务券已冻结用于本订单');
      options.reload();
      onHeld();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="使用服务券" size="small" loading={options.loading} data-testid="voucher-checkout">
      {options.error && <Alert type="error" message={options.error} />}
      {data?.buyerIneligible ? (
        <Alert type="info" showIcon message="本订单不适用服务券" description={data.buyerIneligibleMessage} />
      ) : data?.currentHold ? (
        <Alert
          type="success"
          showIcon
          message={`已使用服务券，冻结 ${yuan(data.currentHold.amountFen)}，订单完成并付款后可申请兑付`}
          action={
            <ReleaseHoldButton
              orderId={orderId}
              onReleased={() => {
                options.reload();
                onHeld();
              }}
            />
          }
        />
      ) : data && data.options.length === 0 ? (
        <Empty description="没有可用的服务券" />
      ) : (
        data && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Radio.Group
              value={chosen ?? data.options.find((o) => o.best)?.voucherId}
              onChange={(e) => setChosen(e.target.value)}
            >
              <Space direction="vertical">
                {data.options.map((o) => (
                  <Radio key={o.voucherId} value={o.voucherId} disabled={o.reasons.length > 0}>
                    {o.code}（{o.programName}）可抵 {yuan(o.amountFen)}
                    {o.best && (
                      <Tag color="green" style={{ marginLeft: 8 }}>
                        推荐
                      </Tag>
                    )}
                    {o.reasons.length > 0 && (
                      <Typography.Text type="danger">
                        {' '}
                        不可用：{o.reasons.map((r) => REASON_TEXT[r] ?? r).join('、')}
                      </Typography.Text>
                    )}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
            <Typography.Text type="secondary" data-testid="voucher-rounding">
              {ROUNDING_NOTE}
            </Typography.Text>
            <Button
              type="primary"
              loading={busy}
              onClick={hold}
              disabled={!data.options.some((o) => o.reasons.length === 0)}
            >
              使用服务券
            </Button>
          </Space>
        )
      )}
    </Card>
  );
}
