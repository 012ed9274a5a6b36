import { App as AntApp, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { errorText } from '../../shared/errors';

/** SME: gives the voucher's held amount back to the wallet (allowed until a claim is filed). */
export function ReleaseHoldButton({ orderId, onReleased }: { orderId: string; onReleased: () => void }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const release = async () => {
    setBusy(true);
    try {
      await api<Schema<'HoldResponseDto'>>(`/orders/${orderId}/voucher-hold`, { method: 'DELETE', idempotent: true });
      message.success('已释放服务券，冻结金额已退回券内');
      onReleased();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title="释放后，冻结金额退回服务券，本订单不再使用该券。确定释放？"
      okText="确定释放"
      cancelText="取消"
      onConfirm={release}
    >
      <Button size="small" loading={busy} data-testid="release-hold">
        释放服务券
      </Button>
    </Popconfirm>
  );
}
