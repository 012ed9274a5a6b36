import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, RequestBody } from '../../shared/api';
import { Demand } from '../../shared/api-types';
import { applyApiErrors } from '../../shared/errors';
import { STAGE, CONFIDENTIALITY } from '../../shared/labels/demand';
import { fieldTree, useIndustryFields } from '../../shared/fieldTree';
import { ChallengeFields } from './ChallengeFields';

/** The create body; awardWindowDays is optional (the document marks it required because it has a default). */
type DemandBody = Omit<RequestBody<'CreateDemandDto'>, 'awardWindowDays'> & { awardWindowDays?: number };

type DemandForm = Omit<DemandBody, 'budgetMaxFen' | 'rewardFen' | 'challengeDeadline'> & {
  budgetMaxYuan?: number;
  rewardYuan?: number;
  challengeDeadline?: Dayjs;
};

const fen = (yuan?: number) => (yuan ? Math.round(yuan * 100) : undefined);

/** The form's values as the API's body: yuan to fen, the date as YYYY-MM-DD, challenge terms only for a challenge. */
function demandBody({ budgetMaxYuan, rewardYuan, challengeDeadline, awardWindowDays, ...rest }: DemandForm) {
  const challenge = rest.mode === 'CHALLENGE';
  return {
    ...rest,
    budgetMaxFen: fen(budgetMaxYuan),
    rewardFen: challenge ? fen(rewardYuan) : undefined,
    challengeDeadline: challenge ? challengeDeadline?.format('YYYY-MM-DD') : undefined,
    awardWindowDays: challenge ? awardWindowDays : undefined,
  } satisfies DemandBody;
}

/** The API's field names where the form's differ (amounts entered in yuan). */
const RENAMED = { budgetMaxFen: 'budgetMaxYuan', rewardFen: 'rewardYuan' };

/**
 * Post a demand: draft then publish; the mode (公开征集 / 揭榜挂帅 with its reward, deadline and award window) and
 * the confidentiality explained where they are chosen. A refused publish keeps the draft: the next try edits
 * and publishes it rather than leaving another draft behind.
 */
export function NewDemandPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const fields = useIndustryFields();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const confidentiality = Form.useWatch('confidentiality', form) as string | undefined;
  const mode = Form.useWatch('mode', form) as string | undefined;
  const [draftId, setDraftId] = useState<string>();
  const submit = async (values: DemandForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = demandBody(values);
      const demand = draftId
        ? await api<Demand>(`/demands/${draftId}`, { method: 'PATCH', body })
        : await api<Demand>('/demands', { method: 'POST', body });
      setDraftId(demand.id);
      await api(`/demands/${demand.id}/publish`, { method: 'POST' });
      navigate(`/sme/demands/${demand.id}`);
    } catch (e) {
      setError(applyApiErrors(form, e, RENAMED));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="发布中试需求" style={{ maxWidth: 760, margin: '0 auto' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ stage: 'PILOT', confidentiality: 'SUMMARY', mode: 'OPEN', awardWindowDays: 30 }}
      >
        <Form.Item name="title" label="需求标题" rules={[{ required: true, message: '请填写需求标题' }]}>
          <Input placeholder="如：石墨烯改性EVA鞋底中试放大" />
        </Form.Item>
        <Form.Item name="description" label="详细描述">
          <Input.TextArea rows={4} placeholder="工艺、指标、批量等" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="fieldCode" label="行业领域" rules={[{ required: true, message: '请选择行业领域' }]}>
              <TreeSelect
                treeData={fieldTree(fields.data)}
                loading={fields.loading}
                placeholder="请选择"
                showSearch
                treeNodeFilterProp="title"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="stage" label="阶段">
              <Select options={Object.entries(STAGE).map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="budgetMaxYuan" label="预算上限（元）">
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <ChallengeFields mode={mode} />
        <Form.Item
          name="confidentiality"
          label="保密级别"
          extra={confidentiality ? CONFIDENTIALITY[confidentiality]?.help : undefined}
        >
          <Radio.Group
            optionType="button"
            options={Object.entries(CONFIDENTIALITY).map(([value, c]) => ({ value, label: c.label }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          发布需求
        </Button>
      </Form>
    </Card>
  );
}
