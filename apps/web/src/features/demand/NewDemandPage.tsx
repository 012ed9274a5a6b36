import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/api';
import { Demand } from '../../shared/api-types';
import { applyApiErrors } from '../../shared/errors';
import { STAGE, CONFIDENTIALITY } from '../../shared/labels/demand';
import { fieldTree, useIndustryFields } from '../../shared/fieldTree';

/** Post a demand: draft then publish; confidentiality explained where it is chosen. */
export function NewDemandPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const fields = useIndustryFields();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const confidentiality = Form.useWatch('confidentiality', form) as string | undefined;
  const submit = async (values: Record<string, unknown> & { budgetMaxYuan?: number }) => {
    setBusy(true);
    setError(undefined);
    const { budgetMaxYuan, ...rest } = values;
    try {
      const demand = await api<Demand>('/demands', {
        method: 'POST',
        body: { ...rest, mode: 'OPEN', budgetMaxFen: budgetMaxYuan ? Math.round(budgetMaxYuan * 100) : undefined },
      });
      await api(`/demands/${demand.id}/publish`, { method: 'POST' });
      navigate(`/sme/demands/${demand.id}`);
    } catch (e) {
      setError(applyApiErrors(form, e));
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
        initialValues={{ stage: 'PILOT', confidentiality: 'SUMMARY' }}
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
