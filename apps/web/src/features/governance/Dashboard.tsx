import { Alert, Card, Col, Empty, Row, Select, Space, Statistic, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useEffect, useState } from 'react';
import { api, Schema } from '../../shared/api';
import { yuan } from '../../shared/money';
import { DownloadButton } from '../../shared/DownloadButton';
import { useLoad } from '../../shared/useLoad';
import { BreakdownChart } from './BreakdownChart';
import { ResultsReportCard } from './ResultsReportCard';

export type Program = Schema<'ProgramResponseDto'>;

export type Summary = Schema<'ProgramSummaryDto'>;

export type ReportRow = Schema<'ReimbursementRowDto'>;

export type ProgramReport = Schema<'ProgramReportDto'>;

export type Funnel = Schema<'FunnelReportDto'>;

export function Dashboard() {
  const year = new Date().getFullYear();
  const programs = useLoad(() => api<Schema<'ProgramPageDto'>>('/voucher-programs', { query: { limit: 50 } }), []);
  const [programId, setProgramId] = useState<string>();
  useEffect(() => {
    if (!programId && programs.data?.items.length) setProgramId(programs.data.items[0].id);
  }, [programs.data, programId]);
  const summary = useLoad(
    () => (programId ? api<Summary>(`/voucher-programs/${programId}/summary`) : Promise.resolve(undefined)),
    [programId],
  );
  const funnel = useLoad(() => api<Funnel>('/reports/funnel', { query: { year } }), [year]);
  const report = useLoad(
    () => (programId ? api<ProgramReport>(`/reports/programs/${programId}`) : Promise.resolve(undefined)),
    [programId],
  );
  const s = summary.data;
  const steps: [keyof Funnel['total'], string][] = [
    ['published', '发布需求'],
    ['matched', '完成匹配'],
    ['quoted', '收到报价'],
    ['ordered', '形成订单'],
    ['completed', '完成服务'],
    ['reimbursed', '兑付服务券'],
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>服务券项目：</span>
        <Select
          style={{ minWidth: 260 }}
          loading={programs.loading}
          value={programId}
          onChange={setProgramId}
          placeholder="暂无项目"
          options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.year}）` }))}
        />
        {programId && (
          <>
            <DownloadButton path={`/reports/programs/${programId}`} query={{ format: 'csv' }} filename="program.csv">
              下载项目报表 CSV
            </DownloadButton>
            <DownloadButton path={`/reports/programs/${programId}`} query={{ format: 'xlsx' }} filename="program.xlsx">
              下载项目报表 XLSX
            </DownloadButton>
          </>
        )}
        <DownloadButton path="/reports/funnel" query={{ year, format: 'csv' }} filename={`funnel-${year}.csv`}>
          下载漏斗 CSV
        </DownloadButton>
        <DownloadButton path="/reports/funnel" query={{ year, format: 'xlsx' }} filename={`funnel-${year}.xlsx`}>
          下载漏斗 XLSX
        </DownloadButton>
      </Space>
      {summary.error && <Alert type="error" message={summary.error} />}
      {!programId && !programs.loading && <Empty description="尚未创建服务券项目" />}
      {s && (
        <Row gutter={[12, 12]} data-testid="program-summary">
          {(
            [
              ['预算总额', s.budgetFen],
              ['已发券', s.issuedFen, `（${s.vouchersIssued} 张）`],
              ['冻结中', s.heldFen],
              ['待拨付（已批准兑付）', s.payableFen],
              ['已拨付', s.paidFen],
              ['剩余预算', s.remainingFen],
            ] as [string, number, string?][]
          ).map(([title, fen, suffix]) => (
            <Col xs={12} md={8} xl={4} key={title}>
              <Card size="small">
                <Statistic title={title} value={yuan(fen)} suffix={suffix && <small>{suffix}</small>} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title="预算使用">
            {s ? (
              <ReactECharts
                style={{ height: 280 }}
                option={{
                  animation: false,
                  tooltip: { trigger: 'item', valueFormatter: (v: number) => `¥${v.toLocaleString('zh-CN')}` },
                  legend: { bottom: 0 },
                  series: [
                    {
                      type: 'pie',
                      radius: ['40%', '70%'],
                      data: [
                        { name: '券上可用', value: s.availableOnVouchersFen / 100 },
                        { name: '冻结中', value: s.heldFen / 100 },
                        { name: '待拨付', value: s.payableFen / 100 },
                        { name: '已拨付', value: s.paidFen / 100 },
                        { name: '未发放', value: s.remainingFen / 100 },
                      ],
                    },
                  ],
                }}
              />
            ) : (
              <Empty description="请选择项目" />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={`${year} 年需求转化漏斗`} loading={funnel.loading}>
            {funnel.error && <Alert type="error" message={funnel.error} />}
            {funnel.data && (
              <div data-testid="funnel">
                <ReactECharts
                  style={{ height: 280 }}
                  option={{
                    animation: false,
                    tooltip: {},
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', inverse: true, data: steps.map(([, l]) => l) },
                    series: [
                      {
                        type: 'bar',
                        data: steps.map(([k]) => funnel.data!.total[k]),
                        label: { show: true, position: 'right' },
                      },
                    ],
                    grid: { left: 90, right: 30, top: 10, bottom: 30 },
                  }}
                />
                <Typography.Text type="secondary">
                  {steps.map(([k, l]) => `${l} ${funnel.data!.total[k]}`).join(' · ')}
                </Typography.Text>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  按当年发布的需求逐级统计；企业直接从服务目录下单后兑付的服务券不经过需求，不计入漏斗，见项目兑付数据。
                </Typography.Paragraph>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <BreakdownChart title="兑付金额（按行业领域）" rows={report.data?.byField} testId="by-field" />
        </Col>
        <Col xs={24} md={12}>
          <BreakdownChart title="兑付金额（按企业所在地区）" rows={report.data?.byRegion} testId="by-region" />
        </Col>
        <Col xs={24}>
          <ResultsReportCard />
        </Col>
      </Row>
    </Space>
  );
}
