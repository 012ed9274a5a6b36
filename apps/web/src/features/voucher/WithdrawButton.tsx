import { Button, Popconfirm } from 'antd';
import { api } from '../../shared/api';
import { useAction } from '../../shared/actions';

/**
 * The SME withdraws its pending application: one open application per program at a time ("a rejected or
 * withdrawn one may be followed by a new one").
 */
export function WithdrawButton({
  application,
  onDone,
}: {
  application: { id: string; status: string };
  onDone: () => void;
}) {
  const run = useAction();
  if (application.status !== 'PENDING') return null;
  const withdraw = async () => {
    if (await run(() => api(`/voucher-applications/${application.id}/withdraw`, { method: 'POST' }), '申请已撤回'))
      onDone();
  };
  return (
    <Popconfirm title="撤回该申请？撤回后可重新申请" okText="撤回" cancelText="取消" onConfirm={withdraw}>
      <Button size="small">撤回</Button>
    </Popconfirm>
  );
}
