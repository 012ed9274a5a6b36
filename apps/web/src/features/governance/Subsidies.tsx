import { Alert, Button, Empty, InputNumber, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError, listItems } from '../../shared/api';
import { yuan } from '../../shared/money';
import { errorText } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import { LoadedTable } from '../../shared/LoadedTable';
import { AssessmentRow } from './assessment';
import { RuleTable } from './RuleTable';
import { FunderTotals } from './FunderTotals';
import { InputsList } from './InputsList';

/**
 * Bureau: assess one platform's subsidies for a year under the rules in force (stored with their
 * inputs), with what the platform declared beside it and every earlier assessment below, each
 * expandable to its per-rule amounts.
 */
export function Subsidies({ platformId }: { platformId: string }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [result, setResult] = useState<AssessmentRow>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const past = useLoad(
    () => listItems<'SubsidyAssessmentPageDto'>(`/platforms/${platformId}/subsidy-assessments`),
    [platformId],
  );
  const declarations = useLoad(
    () => listItems<'EquipmentDeclarationPageDto'>(`/platforms/${platformId}/equipment-declarations`),
    [platformId],
  );
  const declared = declarations.data?.find((d) => d.year === year);
  const assess = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await api<AssessmentRow>(`/platforms/${platformId}/subsidy-assessments`, { method: 'POST', body: { year } }),
      );
      past.reload();
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'CONFLICT'
          ? '没有覆盖该平台所在地区的补贴规则，请先配置补贴规则'
          : errorText(e),
      );
    } finally {
      setBusy(false);
    }
  };
  const r = result?.result;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        测算年度
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        <Button type="primary" loading={busy} onClick={assess}>
          测算补贴
        </Button>
      </Space>
      <Typography.Text type="secondary" data-testid="declared-for-year">
        {declared
          ? `平台申报 ${year} 年：非财政资金购置设备 ${yuan(declared.nonFiscalEquipmentFen)}，其中新增中试设备 ${yuan(declared.newEquipmentFen)}（${declared.evidence}）`
          : `平台尚未申报 ${year} 年的设备投入（按 0 计算）`}
      </Typography.Text>
      {error && <Alert type="error" showIcon message={error} />}
      {!r && <Empty description="点击“测算补贴”按现行规则计算（结果连同输入一并留存）" />}
      {r && (
        <>
          <FunderTotals result={r} title="补贴合计" />
          <RuleTable result={r} testId="subsidy-rules" />
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        历次补贴测算
      </Typography.Title>
      <LoadedTable
        load={past}
        rows={past.data ?? []}
        empty="尚无测算记录"
        data-testid="past-assessments"
        scroll={{ x: 600 }}
        expandable={{
          expandedRowRender: (a: AssessmentRow) => (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="assessment-detail">
              <FunderTotals result={a.result} title="核定合计" />
              <RuleTable result={a.result} testId="assessment-rules" />
              <InputsList inputs={a.inputs} />
            </Space>
          ),
        }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          {
            title: '状态',
            width: 110,
            render: (_: unknown, a: AssessmentRow) =>
              a.supersededAt ? <Tag>已被重新测算</Tag> : <Tag color="green">现行有效</Tag>,
          },
          { title: '核定合计', render: (_: unknown, a: AssessmentRow) => <b>{yuan(a.result.totalFen)}</b> },
          {
            title: '出资分担',
            render: (_: unknown, a: AssessmentRow) =>
              a.result.funderTotals.map((f) => `${f.name} ${yuan(f.amountFen)}`).join('；') || '—',
          },
          {
            title: '测算时间',
            dataIndex: 'createdAt',
            width: 140,
            render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Space>
  );
}
