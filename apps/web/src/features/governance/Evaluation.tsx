import { Alert, App as AntApp, Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, ApiError, listItems, Schema } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';
import { label, options } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { yearOptions } from './common';
import { OUTCOME_CONSEQUENCE, OUTCOME, GRADE } from '../../shared/labels/governance';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { LoadedTable } from '../../shared/LoadedTable';
import { IndicatorList } from './IndicatorList';

export type IndicatorValues = Schema<'PlatformIndicatorsDto'>;

export type Score = Schema<'IndicatorScoreDto'>;

type Indicators = Schema<'IndicatorsResponseDto'>;

export type EvaluationRow = Schema<'EvaluationResponseDto'>;

const FAILING_OUTCOMES = ['DOWNGRADE', 'SUSPEND', 'DELIST'];

/**
 * Bureau: the annual evaluation of one platform — the year's computed indicators and suggested grade,
 * the grade decided, and for a failing grade an outcome chosen explicitly and confirmed — with the
 * platform's past evaluations below.
 */
export function Evaluation({ platformId, onChanged }: { platformId: string; onChanged?: () => void }) {
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const ind = useLoad(
    () => api<Indicators>(`/platforms/${platformId}/indicators`, { query: { year } }),
    [platformId, year],
  );
  const past = useLoad(() => listItems<'EvaluationPageDto'>(`/platforms/${platformId}/evaluations`), [platformId]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const suggested = ind.data?.score.suggestedGrade;
  const done = past.data?.find((e) => e.year === year);
  // The form starts from the year's suggested grade (a failing one has no outcome until one is chosen).
  useEffect(() => {
    if (suggested && !done) {
      form.setFieldsValue({ grade: suggested, outcome: suggested === 'FAIL' ? undefined : 'KEEP' });
    }
  }, [suggested, done, year, form]);
  const grade = (Form.useWatch('grade', form) as string | undefined) ?? suggested;
  const failing = grade === 'FAIL';

  const save = async (v: { grade: string; outcome: string; remarks: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/platforms/${platformId}/evaluations`, { method: 'POST', body: { year, ...v } });
      message.success('评价已保存');
      form.resetFields(['remarks']);
      past.reload();
      onChanged?.();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') setError(`该平台 ${year} 年度已评价，每年只能评价一次`);
      else setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (v: { grade: string; outcome?: string; remarks: string }) => {
    const outcome = v.grade === 'FAIL' ? v.outcome : 'KEEP';
    if (!outcome) return;
    if (v.grade !== 'FAIL') return save({ ...v, outcome });
    modal.confirm({
      title: `确认评价为“不合格”并${OUTCOME[outcome]}？`,
      content: OUTCOME_CONSEQUENCE[outcome],
      okText: `确认${OUTCOME[outcome]}`,
      okButtonProps: { danger: true },
      cancelText: '再想想',
      onOk: () => save({ ...v, outcome }),
    });
  };

  const i = ind.data?.indicators;
  const s = ind.data?.score;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        评价年度
        <Select value={year} onChange={setYear} options={yearOptions()} style={{ width: 100 }} />
      </Space>
      {ind.error && <Alert type="error" message={ind.error} />}
      <Card size="small" loading={ind.loading} title="年度指标（系统计算）">
        {i && s && <IndicatorList i={i} s={s} />}
      </Card>
      {error && <Alert type="error" showIcon message={error} />}
      {done ? (
        <Alert
          type="info"
          showIcon
          message={`${year} 年度已评价：${label(GRADE, done.grade)}，${label(OUTCOME, done.outcome)}`}
        />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} data-testid="evaluation-form">
          <Form.Item
            name="grade"
            label="评价等级"
            extra={suggested ? `按指标建议：${label(GRADE, suggested)}；可根据实地核查调整` : undefined}
            rules={[{ required: true, message: '请选择评价等级' }]}
          >
            <Select
              options={options(GRADE)}
              onChange={(g: string) => form.setFieldsValue({ outcome: g === 'FAIL' ? undefined : 'KEEP' })}
            />
          </Form.Item>
          {failing ? (
            <Form.Item
              name="outcome"
              label="不合格的处理"
              extra="不合格须明确选择处理方式，提交前会再次确认"
              rules={[{ required: true, message: '请选择不合格的处理方式' }]}
            >
              <Select
                placeholder="请选择：降级、暂停服务或下架"
                options={FAILING_OUTCOMES.map((o) => ({
                  value: o,
                  label: `${OUTCOME[o]} — ${OUTCOME_CONSEQUENCE[o]}`,
                }))}
                optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
              />
            </Form.Item>
          ) : (
            <Form.Item label="处理结果" extra="优秀、良好、合格的平台保持现有级别和状态">
              <Tag>保持</Tag>
            </Form.Item>
          )}
          <Form.Item name="remarks" label="评价意见" rules={[{ required: true, message: '请填写评价意见' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} danger={failing}>
            保存评价
          </Button>
        </Form>
      )}
      <Card size="small" title="历次评价">
        <LoadedTable
          load={past}
          rows={past.data ?? []}
          empty="尚无评价记录"
          data-testid="past-evaluations"
          scroll={{ x: 720 }}
          expandable={{
            expandedRowRender: (e: EvaluationRow) => <IndicatorList i={e.indicators} s={e.score} />,
          }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 70 },
            {
              title: '等级',
              dataIndex: 'grade',
              width: 80,
              render: (g: string) => <Tag color={g === 'FAIL' ? 'red' : 'blue'}>{label(GRADE, g)}</Tag>,
            },
            {
              title: '建议/得分',
              width: 100,
              render: (_: unknown, e: EvaluationRow) => `${label(GRADE, e.suggestedGrade)} / ${e.score.total}`,
            },
            { title: '处理', dataIndex: 'outcome', width: 90, render: (o: string) => label(OUTCOME, o) },
            {
              title: '认定级别',
              width: 120,
              render: (_: unknown, e: EvaluationRow) =>
                e.levelBefore === e.levelAfter
                  ? label(RECOGNITION_LEVEL, e.levelAfter)
                  : `${label(RECOGNITION_LEVEL, e.levelBefore)} → ${label(RECOGNITION_LEVEL, e.levelAfter)}`,
            },
            {
              title: '评价意见',
              dataIndex: 'remarks',
              render: (r: string) => <Typography.Paragraph style={{ margin: 0 }}>{r}</Typography.Paragraph>,
            },
            {
              title: '评价时间',
              dataIndex: 'createdAt',
              width: 140,
              render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
