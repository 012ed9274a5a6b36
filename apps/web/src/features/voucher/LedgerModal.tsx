import { Alert, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { Program } from '../../shared/api-types';
import { time } from '../../shared/dates';
import { label } from '../../shared/labels';
import { LEDGER_ACCOUNT, LEDGER_TX } from '../../shared/labels/voucher';
import { LoadedTable } from '../../shared/LoadedTable';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';

type Account = Schema<'LedgerAccountDto'>;
type Transaction = Schema<'LedgerTransactionDto'>;
type Posting = Schema<'LedgerPostingDto'>;
const PAGE = 20;

const accountText = (kind: string, voucherId: string | null, cofunderKey: string | null) =>
  `${label(LEDGER_ACCOUNT, kind)}${voucherId ? `（券 ${voucherId.slice(0, 8)}）` : ''}${cofunderKey ? `（${cofunderKey}）` : ''}`;

/** A program's ledger: the verifier's result, accounts with balances, transactions with their entries. */
export function LedgerModal({ program, onClose }: { program: Program; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const balances = useLoad(
    () => api<Schema<'LedgerBalancesDto'>>(`/voucher-programs/${program.id}/ledger/balances`),
    [program.id],
  );
  const ledger = useLoad(
    () => api<Schema<'LedgerPageDto'>>(`/voucher-programs/${program.id}/ledger`, { query: { page, limit: PAGE } }),
    [program.id, page],
  );
  const violations = balances.data?.violations ?? [];
  return (
    <Modal open title={`账本：${program.name}`} onCancel={onClose} footer={null} width={900}>
      <Space direction="vertical" style={{ width: '100%' }} data-testid="ledger">
        {balances.data &&
          (violations.length === 0 ? (
            <Alert
              type="success"
              showIcon
              message={`账本校验通过：${balances.data.invariantsChecked} 项不变量全部成立`}
              description={`校验时间 ${time(balances.data.verifiedAt)}`}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              message={`账本校验发现 ${violations.length} 处异常`}
              description={violations.map((v) => `${v.invariant}：${v.detail}`).join('\n')}
            />
          ))}
        <Typography.Title level={5}>账户余额</Typography.Title>
        <LoadedTable<Account>
          load={balances}
          rows={balances.data?.accounts ?? []}
          empty="该项目尚无账户"
          data-testid="ledger-accounts"
          scroll={{ y: 240 }}
          columns={[
            { title: '账户', render: (_: unknown, a) => accountText(a.kind, a.voucherId, a.cofunderKey) },
            { title: '余额', dataIndex: 'balanceFen', align: 'right', render: yuan },
          ]}
        />
        <Typography.Title level={5}>交易流水</Typography.Title>
        <LoadedTable<Transaction>
          load={ledger}
          rows={ledger.data?.items ?? []}
          empty="该项目尚无交易"
          data-testid="ledger-transactions"
          pagination={{
            current: page,
            pageSize: PAGE,
            total: ledger.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: time, width: 170 },
            { title: '类型', dataIndex: 'kind', render: (k: string) => <Tag>{label(LEDGER_TX, k)}</Tag> },
            { title: '摘要', dataIndex: 'memo', render: (m: string | null) => m ?? '—' },
            {
              title: '分录',
              dataIndex: 'postings',
              render: (postings: Posting[]) => (
                <Table<Posting>
                  rowKey={(p) => `${p.account}-${p.voucherId}-${p.cofunderKey}-${p.amountFen}`}
                  size="small"
                  pagination={false}
                  showHeader={false}
                  dataSource={postings}
                  columns={[
                    { render: (_: unknown, p) => accountText(p.account, p.voucherId, p.cofunderKey) },
                    {
                      dataIndex: 'amountFen',
                      align: 'right',
                      render: (fen: number) => (
                        <Typography.Text type={fen < 0 ? 'danger' : 'success'}>
                          {fen < 0 ? `−${yuan(-fen)}` : `+${yuan(fen)}`}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Space>
    </Modal>
  );
}
