import { Alert, Button, Descriptions, Empty, InputNumber, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api';
import { yuan } from '../../shared/money';
import { errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { reasonText } from './common';
import { OVERLAP } from '../../shared/labels/governance';
import { GRADE } from '../../shared/labels/governance';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import type { DeclarationRow } from './EquipmentDeclarations';
import { LoadedTable } from '../../shared/LoadedTable';

interface RuleAssessment {
  ruleId: string;
  code: string;
  name: string;
  applies: boolean;
  computedFen: number;
  capFen: number | null;
  cappedFen: number;
  amountFen: number;
  overlapDecision: string;
  reason: string;
  split: { funderKey: string; amountFen: number }[];
}

interface AssessmentInputs {
  year: number;
  platformLevel: string;
  newlyRecognisedLevel: string | null;
  nonFiscalEquipmentFen: number;
  newEquipmentFen: number;
  serviceRevenueFen: number;
  operatingPaidInWindowFen: number;
  gradeThisYear: string | null;
  lastGradeAwardYear: number | null;
  serviceRevenueSource?: 'DECLARED' | 'MARKETPLACE';
  operatingFirstYear?: number | null;
  marketplaceRevenueFen?: number;
}

export interface AssessmentRow {
  id: string;
  year: number;
  totalFen: string | number;
  createdAt: string;
  supersededAt: string | null;
  inputs: AssessmentInputs;
  result: {
    rules: RuleAssessment[];
    totalFen: number;
    funderTotals: { funderKey: string; name: string; amountFen: number }[];
  };
}

/** Per rule: computed, capped, the 就高不重复 decision, granted and its split over the funders. */
function RuleTable({ result, testId }: { result: AssessmentRow['result']; testId: string }) {
  const funders = new Map(result.funderTotals.map((f) => [f.funderKey, f.name]));
  const names = new Map(result.rules.map((r) => [r.code, r.name]));
  return (
    <Table
      rowKey="ruleId"
      size="small"
      data-testid={testId}
      dataSource={result.rules}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 1240 }}
      columns={[
        { title: '规则', dataIndex: 'name', width: 170 },
        { title: '计算额', dataIndex: 'computedFen', width: 120, render: (f: number) => yuan(f) },
        {
          title: '适用上限',
          dataIndex: 'capFen',
          width: 120,
          render: (f: number | null, r: RuleAssessment) => (!r.applies ? '—' : f === null ? '无' : yuan(f)),
        },
        { title: '封顶后', dataIndex: 'cappedFen', width: 120, render: (f: number) => yuan(f) },
        {
          title: '就高不重复',
          dataIndex: 'overlapDecision',
          width: 150,
          render: (d: string) => (
            <Tag color={d === 'HIGHEST_IN_GROUP' ? 'green' : d === 'LOWER_IN_GROUP_DROPPED' ? 'orange' : undefined}>
              {label(OVERLAP, d)}
            </Tag>
          ),
        },
        { title: '核定金额', dataIndex: 'amountFen', width: 120, render: (f: number) => <b>{yuan(f)}</b> },
        {
          title: '分担',
          dataIndex: 'split',
          width: 190,
          render: (split: RuleAssessment['split']) =>
            split.map((s) => `${funders.get(s.funderKey) ?? s.funderKey} ${yuan(s.amountFen)}`).join('；') || '—',
        },
        { title: '说明', dataIndex: 'reason', width: 250, render: (r: string) => reasonText(r, names) },
      ]}
    />
  );
}

function FunderTotals({ result, title }: { result: AssessmentRow['result']; title: string }) {
  return (
    <Space wrap size="large">
      <Statistic title={title} value={yuan(result.totalFen)} />
      {result.funderTotals.map((f) => (
        <Statistic key={f.funderKey} title={f.name} value={yuan(f.amountFen)} />
      ))}
    </Space>
  );
}

function InputsList({ inputs }: { inputs: AssessmentInputs }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} title="测算依据">
      <Descriptions.Item label="平台级别">{label(RECOGNITION_LEVEL, inputs.platformLevel)}</Descriptions.Item>
      <Descriptions.Item label="当年新认定">{label(RECOGNITION_LEVEL, inputs.newlyRecognisedLevel)}</Descriptions.Item>
      <Descriptions.Item label="当年评价">{label(GRADE, inputs.gradeThisYear)}</Descriptions.Item>
      <Descriptions.Item label="非财政资金购置设备">{yuan(inputs.nonFiscalEquipmentFen)}</Descriptions.Item>
      <Descriptions.Item label="其中新增中试设备">{yuan(inputs.newEquipmentFen)}</Descriptions.Item>
      <Descriptions.Item label="年度服务性收入">
        {yuan(inputs.serviceRevenueFen)}
        {inputs.serviceRevenueSource === 'DECLARED' ? '（局方受理的申报）' : '（平台内完成订单收入）'}
      </Descriptions.Item>
      <Descriptions.Item label="运营补助起始年度">
        {inputs.operatingFirstYear ? `${inputs.operatingFirstYear} 年起算` : '尚未获得运营补助'}
      </Descriptions.Item>
      <Descriptions.Item label="累计已获运营补助">{yuan(inputs.operatingPaidInWindowFen)}</Descriptions.Item>
    </Descriptions>
  );
}

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
  const past = useLoad(() => api<AssessmentRow[]>(`/platforms/${platformId}/subsidy-assessments`), [platformId]);
  const declarations = useLoad(
    () => api<DeclarationRow[]>(`/platforms/${platformId}/equipment-declarations`),
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
