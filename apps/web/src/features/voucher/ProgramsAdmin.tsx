import { Button, Card, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { Program } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { useAction } from '../../shared/actions';
import { label } from '../../shared/labels';
import { PROGRAM_KIND, REDEMPTION_SHORT, PROGRAM_STATUS, REDEMPTION_OPTIONS } from '../../shared/labels/voucher';
import { ProgramFormModal, LOCKED_TEXT } from './ProgramFormModal';
import { ruleText } from './program-form';
import { LoadedTable } from '../../shared/LoadedTable';
import { useBureauPrograms } from './useBureauPrograms';
import { PublicNoticeModal } from './PublicNoticeModal';
import { LedgerModal } from './LedgerModal';
import { TopUpModal } from './TopUpModal';
import { RoleGate } from '../identity/roles';

/**
 * Bureau: its programs — create with every rule, change the rules until the first voucher is issued
 * (then they are locked: only budget top-ups and closing remain), open, close, and the public notice.
 */
export function ProgramsAdmin() {
  const run = useAction();
  const programs = useBureauPrograms();
  const [editing, setEditing] = useState<{ program?: Program; readOnly?: boolean }>();
  const [topUp, setTopUp] = useState<Program>();
  const [notice, setNotice] = useState<Program>();
  const [ledger, setLedger] = useState<Program>();
  const act = async (p: Program, action: 'open' | 'close') => {
    if (
      await run(
        () => api(`/voucher-programs/${p.id}/${action}`, { method: 'POST', body: {} }),
        action === 'open' ? '项目已开放申报' : '项目已关闭',
      )
    )
      programs.reload();
  };
  return (
    <Card
      size="small"
      title="服务券项目"
      extra={
        <RoleGate need="OWNER">
          <Button type="primary" size="small" onClick={() => setEditing({})}>
            新建项目
          </Button>
        </RoleGate>
      }
    >
      <LoadedTable
        load={programs}
        rows={programs.data?.items ?? []}
        empty="尚未创建服务券项目。点击右上角「新建项目」，设置预算与补贴规则后开放申报"
        data-testid="programs"
        scroll={{ x: 1100 }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => label(PROGRAM_KIND, k) },
          { title: '申报期', render: (_: unknown, p: Program) => `${p.applyFrom} 至 ${p.applyUntil}` },
          { title: '补贴规则', dataIndex: 'rule', render: (r: Program['rule']) => ruleText(r) },
          { title: '单券上限', dataIndex: 'maxVoucherFen', render: (f: number) => yuan(f) },
          { title: '预算', dataIndex: 'budgetFen', render: (f: number) => yuan(f) },
          {
            title: '兑付方式',
            dataIndex: 'redemptionMode',
            render: (m: string) => (
              <Tooltip title={REDEMPTION_OPTIONS.find((o) => o.value === m)?.label}>
                {label(REDEMPTION_SHORT, m)}
              </Tooltip>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, p: Program) => (
              <Space wrap size={2}>
                <Tag>{label(PROGRAM_STATUS, s)}</Tag>
                {p.rulesLocked && (
                  <Tooltip title={LOCKED_TEXT}>
                    <Tag color="gold">规则已锁定</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_: unknown, p: Program) => {
              const locked = p.rulesLocked || p.status === 'CLOSED';
              return (
                <Space wrap size={4}>
                  {locked ? (
                    <Button size="small" onClick={() => setEditing({ program: p, readOnly: true })}>
                      查看规则
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => setEditing({ program: p })}>
                      修改规则
                    </Button>
                  )}
                  {p.status === 'DRAFT' && (
                    <Button size="small" type="primary" onClick={() => act(p, 'open')}>
                      开放申报
                    </Button>
                  )}
                  {p.status === 'OPEN' && (
                    <Button size="small" onClick={() => act(p, 'close')}>
                      关闭
                    </Button>
                  )}
                  {p.status !== 'CLOSED' && (
                    <Button size="small" onClick={() => setTopUp(p)}>
                      追加预算
                    </Button>
                  )}
                  <Button size="small" onClick={() => setNotice(p)}>
                    公示
                  </Button>
                  {p.status !== 'DRAFT' && (
                    <Button size="small" onClick={() => setLedger(p)}>
                      账本
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {editing && (
        <ProgramFormModal
          program={editing.program}
          readOnly={editing.readOnly}
          onClose={(changed) => {
            setEditing(undefined);
            if (changed) programs.reload();
          }}
        />
      )}
      {topUp && (
        <TopUpModal
          program={topUp}
          onClose={(done) => {
            setTopUp(undefined);
            if (done) programs.reload();
          }}
        />
      )}
      {ledger && <LedgerModal program={ledger} onClose={() => setLedger(undefined)} />}
      {notice && <PublicNoticeModal program={notice} onClose={() => setNotice(undefined)} />}
    </Card>
  );
}
