import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Divider,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { api, ApiError, getSession, RequestBody } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { PercentInput } from '../../shared/PercentInput';
import { label } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { RULE_LEVELS } from './common';
import { pct } from '../../shared/money';
import { options } from '../../shared/labels';
import { EQUIPMENT_BASIS } from '../../shared/labels/governance';
import { RULE_KIND } from '../../shared/labels/governance';
import { GRADE } from '../../shared/labels/governance';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { dtoSpot, formOf, fundersOf, paramsOf, paramSpot, ruleSummary } from './rule-form';
import type { Name, RuleForm, SubsidyRuleRow } from './rule-form';

interface Me {
  org: { id: string; name: string; regionCode: string; regionName: string | null };
}

/** Bureau: its region's subsidy rules as data — list, add and change. */
export function SubsidyRules() {
  const me = useLoad(() => api<Me>('/me'), []);
  const region = me.data?.org.regionCode;
  const rules = useLoad(
    () => (region ? api<SubsidyRuleRow[]>('/subsidy-rules', { query: { regionCode: region } }) : Promise.resolve([])),
    [region],
  );
  const [editing, setEditing] = useState<SubsidyRuleRow | 'new'>();
  // Admins see the rules; only a bureau keeps them (the API says so too).
  const mayEdit = getSession()?.org.kind === 'BUREAU';
  return (
    <Card
      size="small"
      title="平台补贴规则"
      data-testid="subsidy-rule-admin"
      extra={
        mayEdit && (
          <Button size="small" type="primary" disabled={!me.data} onClick={() => setEditing('new')}>
            新增规则
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        规则按数据保存：修改后对之后的补贴测算生效，已完成的测算保留当时所用的规则。同一“就高不重复分组”内的规则只取最高一项。
      </Typography.Paragraph>
      {(me.error || rules.error) && <Alert type="error" message={me.error ?? rules.error} />}
      <Table
        rowKey="id"
        size="small"
        data-testid="subsidy-rule-list"
        loading={me.loading || rules.loading}
        dataSource={rules.data ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description="本地区尚未配置补贴规则" /> }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 150 },
          { title: '名称', dataIndex: 'name', width: 180 },
          { title: '类型', dataIndex: 'kind', width: 150, render: (k: string) => label(RULE_KIND, k) },
          {
            title: '规则内容',
            render: (_: unknown, r: SubsidyRuleRow) => (
              <>
                {ruleSummary(r.kind, r.rule)}
                {r.interpretation && <Typography.Paragraph type="secondary">{r.interpretation}</Typography.Paragraph>}
              </>
            ),
          },
          {
            title: '就高不重复分组',
            width: 120,
            render: (_: unknown, r: SubsidyRuleRow) => r.rule.overlapGroup ?? '—',
          },
          {
            title: '出资分担',
            width: 150,
            render: (_: unknown, r: SubsidyRuleRow) =>
              r.rule.funders.map((f) => `${f.name} ${pct(f.shareBp)}`).join(' / '),
          },
          {
            title: '状态',
            dataIndex: 'active',
            width: 70,
            render: (a: boolean, r: SubsidyRuleRow) =>
              a ? (
                <Tag color="green">启用</Tag>
              ) : r.unsetParameters?.length ? (
                <Tag color="orange">待设定比例</Tag>
              ) : (
                <Tag>停用</Tag>
              ),
          },
          {
            title: '操作',
            width: 70,
            render: (_: unknown, r: SubsidyRuleRow) =>
              r.regionCode !== region ? (
                <Typography.Text type="secondary">上级规则</Typography.Text>
              ) : mayEdit ? (
                <Button size="small" onClick={() => setEditing(r)}>
                  编辑
                </Button>
              ) : null,
          },
        ]}
      />
      {editing && me.data && (
        <RuleModal
          rule={editing === 'new' ? undefined : editing}
          me={me.data}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) rules.reload();
          }}
        />
      )}
    </Card>
  );
}

function LevelAmounts({ name, what, required }: { name: string; what: string; required?: boolean }) {
  return (
    <Form.Item label={what} required={required} style={{ marginBottom: 0 }}>
      <Row gutter={8}>
        {RULE_LEVELS.map((level) => (
          <Col xs={24} sm={8} key={level}>
            <Form.Item name={[name, level]} label={`${RECOGNITION_LEVEL[level]}（元）`}>
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} placeholder="不适用则留空" />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form.Item>
  );
}

const levelSelect = (
  <Select
    mode="multiple"
    allowClear
    placeholder="不限级别"
    options={options(RECOGNITION_LEVEL, ['CITY', 'PROVINCE', 'NATIONAL', 'NONE'])}
  />
);

/** The kind's own fields. */
function KindFields({ kind, editing }: { kind: string; editing: boolean }) {
  const requiresItem = (
    <Form.Item
      name="requiresRecognition"
      label="适用平台级别"
      extra={editing ? '已设置的级别限制只能修改、不能清空' : '留空则不限认定级别'}
    >
      {levelSelect}
    </Form.Item>
  );
  const basisItem = (
    <Form.Item name="basis" label="计算基数" rules={[{ required: true, message: '请选择计算基数' }]}>
      <Select options={options(EQUIPMENT_BASIS)} />
    </Form.Item>
  );
  switch (kind) {
    case 'EQUIPMENT_RATIO':
      return (
        <>
          {basisItem}
          <Form.Item name="ratioPct" label="补贴比例" rules={[{ required: true, message: '请填写补贴比例' }]}>
            <PercentInput />
          </Form.Item>
          <Form.Item name="capYuan" label="补助上限（元）" extra="留空表示不设统一上限（可按级别设置）">
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <LevelAmounts name="capByLevel" what="按平台级别的上限（优先于统一上限）" />
          {requiresItem}
        </>
      );
    case 'OPERATING_RATIO':
      return (
        <>
          <Form.Item
            name="ratioPct"
            label="补贴比例（占年度服务性收入）"
            rules={[{ required: true, message: '请填写补贴比例' }]}
          >
            <PercentInput />
          </Form.Item>
          <Form.Item name="capYuan" label="多年累计上限（元）" rules={[{ required: true, message: '请填写累计上限' }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="windowYears"
            label="连续年限（年）"
            extra="在连续的这些年内累计不超过上限"
            rules={[{ required: true, message: '请填写年限' }]}
          >
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {requiresItem}
        </>
      );
    case 'RECOGNITION_AWARD':
      return <LevelAmounts name="amountByLevel" what="按新认定级别的奖励金额" required />;
    case 'INVESTMENT_TIER_AWARD':
      return (
        <>
          {basisItem}
          <Form.List name="tiers">
            {(fields, { add, remove }) => (
              <Form.Item label="分档比例（最后一档不设上限）" required>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'uptoYuan']} label="本档至（元）">
                      <InputNumber
                        min={0.01}
                        precision={2}
                        disabled={index === fields.length - 1}
                        placeholder={index === fields.length - 1 ? '不设上限' : undefined}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'ratioPct']} label="比例">
                      <PercentInput style={{}} />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(field.name)}>删除</Button>}
                  </Space>
                ))}
                <Button onClick={() => add({ ratioPct: undefined }, Math.max(0, fields.length - 1))}>增加一档</Button>
              </Form.Item>
            )}
          </Form.List>
          <LevelAmounts name="capByLevel" what="按新认定级别的上限" required />
        </>
      );
    case 'GRADE_AWARD':
      return (
        <>
          <Form.Item name="grade" label="评价等级" rules={[{ required: true, message: '请选择等级' }]}>
            <Select options={options(GRADE, ['EXCELLENT', 'GOOD', 'PASS'])} />
          </Form.Item>
          <Form.Item name="amountYuan" label="奖励金额（元）" rules={[{ required: true, message: '请填写奖励金额' }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="oncePerYears" label="每几年最多奖励一次" rules={[{ required: true, message: '请填写年限' }]}>
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

const NEW_RULE_DEFAULTS: Record<string, Partial<RuleForm>> = {
  EQUIPMENT_RATIO: { basis: 'NON_FISCAL_EQUIPMENT' },
  OPERATING_RATIO: { windowYears: 3 },
  INVESTMENT_TIER_AWARD: { basis: 'NEW_EQUIPMENT', tiers: [{ uptoYuan: null, ratioPct: null }] },
  GRADE_AWARD: { grade: 'EXCELLENT', oncePerYears: 3 },
};

function RuleModal({ rule, me, onClose }: { rule?: SubsidyRuleRow; me: Me; onClose: (saved: boolean) => void }) {
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
function applyRuleErrors(form: FormInstance, error: unknown): string {
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
