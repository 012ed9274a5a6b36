import { Alert, App as AntApp, Button, Col, Divider, Form, Input, Modal, Row, Select, Switch } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api, ApiError, RequestBody } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { PercentInput } from '../../shared/PercentInput';
import { options } from '../../shared/labels';
import { RULE_KIND } from '../../shared/labels/governance';
import { dtoSpot, formOf, fundersOf, paramsOf, paramSpot } from './rule-form';
import type { Name, RuleForm, SubsidyRuleRow } from './rule-form';
import { Me } from './SubsidyRules';
import { KindFields } from './KindFields';

export const NEW_RULE_DEFAULTS: Record<string, Partial<RuleForm>> = {
  EQUIPMENT_RATIO: { basis: 'NON_FISCAL_EQUIPMENT' },
  OPERATING_RATIO: { windowYears: 3 },
  INVESTMENT_TIER_AWARD: { basis: 'NEW_EQUIPMENT', tiers: [{ uptoYuan: null, ratioPct: null }] },
  GRADE_AWARD: { grade: 'EXCELLENT', oncePerYears: 3 },
};

export function RuleModal({ rule, me, onClose }: { rule?: SubsidyRuleRow; me: Me; onClose: (saved: boolean) => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const kind = (Form.useWatch('kind', form) as string | undefined) ?? rule?.kind ?? 'EQUIPMENT_RATIO';
  const initial: RuleForm = rule
    ? formOf(rule)
    : {
        kind: 'EQUIPMENT_RATIO',
        overlapGroup: null,
        funders: [{ key: `R${me.org.regionCode}`, name: me.org.regionName ?? me.org.name, sharePct: 100 }],
        ...NEW_RULE_DEFAULTS.EQUIPMENT_RATIO,
      };
  const submit = async (v: RuleForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const params = paramsOf(v);
      const overlapGroup = v.overlapGroup?.trim() || null;
      if (rule) {
        await api(`/subsidy-rules/${rule.id}`, {
          method: 'PATCH',
          body: {
            active: v.active,
            funders: fundersOf(v),
            overlapGroup,
            params,
          } satisfies RequestBody<'UpdateSubsidyRuleDto'>,
        });
      } else {
        await api('/subsidy-rules', {
          method: 'POST',
          body: {
            code: v.code ?? '', // required in the create form (read-only when editing)
            name: v.name ?? '',
            kind: v.kind,
            overlapGroup,
            funders: fundersOf(v),
            params,
            ...(v.source?.trim() && { source: v.source.trim() }),
          } satisfies RequestBody<'CreateSubsidyRuleDto'>,
        });
      }
      message.success(rule ? '规则已保存' : '规则已新增');
      onClose(true);
    } catch (e) {
      setError(applyRuleErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={rule ? `编辑补贴规则：${rule.name}` : '新增补贴规则'}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnClose
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initial}
        data-testid="subsidy-rule-form"
        onValuesChange={(changed: Partial<RuleForm>) => {
          if (changed.kind) form.setFieldsValue(NEW_RULE_DEFAULTS[changed.kind] ?? {});
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="code"
              label="规则编码"
              extra={rule ? undefined : '大写字母、数字或下划线，如 JJ_EQUIPMENT_30'}
              rules={[{ required: true, message: '请填写规则编码' }]}
            >
              <Input disabled={!!rule} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label="规则类型" rules={[{ required: true, message: '请选择规则类型' }]}>
              <Select disabled={!!rule} options={options(RULE_KIND)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label="规则名称" rules={[{ required: true, message: '请填写规则名称' }]}>
          <Input disabled={!!rule} />
        </Form.Item>
        <KindFields kind={kind} editing={!!rule} />
        <Form.Item
          name="overlapGroup"
          label="就高不重复分组"
          extra="同一分组的规则只取金额最高的一项；留空则与其他规则叠加"
        >
          <Input allowClear />
        </Form.Item>
        {!rule && (
          <Form.Item name="source" label="政策依据">
            <Input placeholder="如：晋江市中试平台建设方案 六(二)" />
          </Form.Item>
        )}
        <Divider orientation="left" plain>
          出资分担（合计 100%）
        </Divider>
        <Form.List name="funders">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col xs={12} sm={6}>
                    <Form.Item name={[field.name, 'key']} label="代码" rules={[{ required: true, message: '必填' }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'name']} label="出资方" rules={[{ required: true, message: '必填' }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={16} sm={7}>
                    <Form.Item
                      name={[field.name, 'sharePct']}
                      label="分担比例"
                      rules={[{ required: true, message: '必填' }]}
                    >
                      <PercentInput />
                    </Form.Item>
                  </Col>
                  <Col xs={8} sm={3}>
                    {fields.length > 1 && (
                      <Button style={{ marginTop: 30 }} onClick={() => remove(field.name)}>
                        删除
                      </Button>
                    )}
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ key: '', name: '', sharePct: undefined })} style={{ marginBottom: 16 }}>
                增加出资方
              </Button>
            </>
          )}
        </Form.List>
        {rule?.unsetParameters?.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="政策未规定比例（如嘉兴“根据设备投入的一定比例”），须由本局设定比例后才能启用该规则"
          />
        ) : null}
        {rule && (
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {rule ? '保存规则' : '新增规则'}
        </Button>
      </Form>
    </Modal>
  );
}

/**
 * The API's validation of a rule speaks English about `params` (the whole rule is checked at once):
 * put each problem next to the form field it is about, in Chinese. Returns the message for the top.
 */
export function applyRuleErrors(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return errorText(error);
  const lastFunder = Math.max(0, ((form.getFieldValue('funders') as unknown[]) ?? []).length - 1);
  const lastTier = Math.max(0, ((form.getFieldValue('tiers') as unknown[]) ?? []).length - 1);
  if (error.code === 'CONFLICT') {
    form.setFields([{ name: ['code'], errors: ['本地区已有该编码的规则，请换一个编码'] }]);
    return '规则编码重复';
  }
  const placed: { name: Name; errors: string[] }[] = [];
  let unplaced = false;
  for (const f of error.details.fields ?? []) {
    for (const text of f.errors) {
      const spot = f.field === 'params' ? paramSpot(text, lastFunder, lastTier) : dtoSpot(f.field, lastFunder);
      if (spot) placed.push({ name: spot[0], errors: [spot[1]] });
      else unplaced = true;
    }
  }
  form.setFields(placed);
  if (error.code !== 'VALIDATION_FAILED') return errorText(error);
  return unplaced ? '规则参数不符合要求，请检查后重试' : '提交的内容有误，请检查标红的字段';
}
