import { Alert, Button, Card, Descriptions, Space, Table } from 'antd';
import { api } from '../../shared/api';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';
import type { Batch, Claim, Program } from '../../shared/api-types';

/** One disbursement batch: its reference and total, the split per co-funder, and each claim's payouts. */
export function BatchView({ id, onClose }: { id: string; onClose: () => void }) {
  const batch = useLoad(() => api<Batch>(`/disbursement-batches/${id}`), [id]);
  const programId = batch.data?.programId;
  const program = useLoad(
    () => (programId ? api<Program>(`/voucher-programs/${programId}`) : Promise.resolve(undefined)),
    [programId],
  );
  const claimIds = batch.data?.claimIds.join(',');
  const claims = useLoad(
    () => (claimIds ? Promise.all(claimIds.split(',').map((c) => api<Claim>(`/claims/${c}`))) : Promise.resolve([])),
    [claimIds],
  );
  const cofunders = program.data?.cofunders ?? [];
  const cofunderName = (key: string) => cofunders.find((c) => c.key === key)?.name ?? key;
  // In the program's order of co-funders (the API sorts by key).
  const rank = (key: string) => {
    const i = cofunders.findIndex((c) => c.key === key);
    return i < 0 ? cofunders.length : i;
  };
  const inOrder = <T extends { cofunderKey: string }>(rows: T[] = []) =>
    [...rows].sort((a, b) => rank(a.cofunderKey) - rank(b.cofunderKey));
  const b = batch.data;
  return (
    <Card
      size="small"
      title={b ? `拨付批次：${b.reference}` : '拨付批次'}
      data-testid="batch-view"
      loading={batch.loading && !b}
      extra={
        <Button size="small" onClick={onClose}>
          收起
        </Button>
      }
    >
      {batch.error && <Alert type="error" message={batch.error} />}
      {b && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label="项目">{program.data?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="兑付笔数">{b.claimCount} 笔</Descriptions.Item>
            <Descriptions.Item label="拨付合计">{yuan(b.totalFen)}</Descriptions.Item>
            <Descriptions.Item label="拨付时间">{new Date(b.createdAt).toLocaleString('zh-CN')}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="cofunderKey"
            size="small"
            data-testid="batch-cofunders"
            title={() => '出资方分担'}
            dataSource={inOrder(b.byCofunder)}
            pagination={false}
            scroll={{ x: 480 }}
            columns={[
              { title: '出资方', dataIndex: 'cofunderKey', render: (k: string) => cofunderName(k) },
              {
                title: '出资比例',
                dataIndex: 'cofunderKey',
                key: 'share',
                render: (k: string) => {
                  const c = cofunders.find((x) => x.key === k);
                  return c ? `${c.shareBp / 100}%` : '—';
                },
              },
              { title: '拨付金额', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
            ]}
          />
          <Table
            rowKey="id"
            size="small"
            data-testid="batch-claims"
            title={() => '本批次兑付'}
            loading={claims.loading}
            dataSource={claims.data ?? []}
            pagination={false}
            scroll={{ x: 560 }}
            columns={[
              { title: '合同编号', dataIndex: 'contractNumber' },
              { title: '发票号码', dataIndex: 'invoiceNumber' },
              { title: '兑付金额', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
              {
                title: '各出资方拨付',
                dataIndex: 'payouts',
                render: (payouts: Claim['payouts']) =>
                  inOrder(payouts)
                    .map((p) => `${cofunderName(p.cofunderKey)} ${yuan(p.amountFen)}`)
                    .join('；'),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
