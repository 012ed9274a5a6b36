import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, TreeSelect } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, RequestBody, Schema } from '../../shared/api';
import { applyApiErrors } from '../../shared/errors';
import { options } from '../../shared/labels';
import { SERVICE_CATEGORY } from '../../shared/labels/catalogue';
import { RESULT_CONFIDENTIALITY, RESULT_STAGE, RESULT_TARGET_STAGE, TRANSFER_MODE } from '../../shared/labels/research';
import { toFen } from '../../shared/money';
import { fieldTree, useIndustryFields } from '../../shared/fieldTree';
import { IpItemsField } from './IpItemsField';

type Values = Omit<RequestBody<'CreateResultDto'>, 'budgetMinFen' | 'budgetMaxFen'> & {
  budgetMinYuan?: number;
  budgetMaxYuan?: number;
};

/** Institute: describe a result (科技成果) and publish it — a draft first, so an unverified org keeps its draft. */
export function NewResultPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const fields = useIndustryFields();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const confidentiality = Form.useWatch('confidentiality', form) as string | undefined;

  const submit = async ({ budgetMinYuan, budgetMaxYuan, ...rest }: Values) => {
    setBusy(true);
    setError(undefined);
    const body: RequestBody<'CreateResultDto'> = {
      ...rest,
      budgetMinFen: budgetMinYuan ? toFen(budgetMinYuan) : undefined,
      budgetMaxFen: budgetMaxYuan ? toFen(budgetMaxYuan) : undefined,
    };
    try {
      const result = await api<Schema<'ResultResponseDto'>>('/results', { method: 'POST', body });
      await api(`/results/${result.id}/publish`, { method: 'POST' });
      navigate('/institute');
    } catch (e) {
      // The budget is entered in yuan: its errors belong on the yuan fields.
      setError(applyApiErrors(form, e, { budgetMinFen: 'budgetMinYuan', budgetMaxFen: 'budgetMaxYuan' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="发布科技成果" style={{ maxWidth: 860, margin: '0 auto' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          stageReached: 'LAB',
          readinessLevel: 4,
          targetStage: 'PILOT',
          transferModes: ['LICENSE'],
          confidentiality: 'SUMMARY',
        }}
      >
        <Form.Item name="title" label="成果名称" rules={[{ required: true, message: '请填写成果名称' }]}>
          <Input placeholder="如：高导热氮化硅陶瓷基板制备技术" />
        </Form.Item>
        <Form.Item
          name="summary"
          label="成果简介"
          rules={[{ required: true, min: 10, message: '请填写至少 10 个字的成果简介' }]}
          extra="简介对所有能看到该成果的机构可见"
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="description" label="技术详情" extra="“仅公开摘要”时，仅对受邀或签署保密协议的机构可见">
          <Input.TextArea rows={4} />
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
          <Col xs={12} sm={6}>
            <Form.Item name="stageReached" label="已达阶段">
              <Select options={options(RESULT_STAGE)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="readinessLevel" label="技术成熟度（TRL 1–9）">
              <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="知识产权">
          <IpItemsField />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="verificationCategories"
              label="所需验证服务"
              rules={[{ required: true, message: '请至少选择一项验证服务' }]}
            >
              <Select mode="multiple" options={options(SERVICE_CATEGORY)} placeholder="如：工艺放大熟化" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="targetStage" label="验证目标阶段">
              <Select options={options(RESULT_TARGET_STAGE)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="budgetMinYuan" label="验证预算下限（元）">
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="budgetMaxYuan" label="验证预算上限（元）">
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="transferModes"
          label="转化方式"
          rules={[{ required: true, message: '请至少选择一种转化方式' }]}
        >
          <Select mode="multiple" options={options(TRANSFER_MODE)} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label="联系人" rules={[{ required: true, message: '请填写联系人' }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话">
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="contactEmail" label="联系邮箱">
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="confidentiality"
          label="保密级别"
          extra={confidentiality ? RESULT_CONFIDENTIALITY[confidentiality]?.help : undefined}
        >
          <Radio.Group
            optionType="button"
            options={Object.entries(RESULT_CONFIDENTIALITY).map(([value, c]) => ({ value, label: c.label }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          发布成果
        </Button>
      </Form>
    </Card>
  );
}
