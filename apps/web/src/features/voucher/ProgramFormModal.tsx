import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
} from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api';
import type { Program } from '../../shared/api-types';
import { PROGRAM_KIND, REDEMPTION_OPTIONS } from '../../shared/labels/voucher';
import { useSession } from '../../shared/session';
import { defaultFormValues, formValuesOf, ProgramFormValues, rulesBody, toFen } from './program-form';
import { applyProgramErrors } from './program-errors';
import { TierEditor } from './TierEditor';
import { ProgramEligibilityFields } from './ProgramEligibilityFields';
import { CofundersField } from './CofundersField';

export const LOCKED_TEXT = '该项目已发放服务券，规则已锁定，不能再修改；仅可追加预算或关闭项目。';

/**
 * Create a program with every rule of SPEC §6, change its rules until the first voucher is issued
 * (`program` given), or view them once locked (`readOnly`). Amounts are typed in yuan and ratios in
 * percent; the body carries fen and basis points.
 */
export function ProgramFormModal({
  program,
  readOnly = false,
  onClose,
}: {
  program?: Program;
  readOnly?: boolean;
  onClose: (changed: boolean) => void;
}) {
  const [form] = Form.useForm<ProgramFormValues>();
  const session = useSession();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Set when the API refuses the edit because a voucher was issued meanwhile (409 PROGRAM_RULES_LOCKED).
  const [lockedNow, setLockedNow] = useState(false);
  const locked = readOnly || lockedNow;
  const ruleKind = Form.useWatch('ruleKind', form);
  const editing = program !== undefined;

  const submit = async (v: ProgramFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      if (editing) {
        await api(`/voucher-programs/${program.id}`, { method: 'PATCH', body: rulesBody(v) });
        message.success('项目规则已保存');
      } else {
        await api('/voucher-programs', {
          method: 'POST',
          body: { ...rulesBody(v), budgetFen: toFen(v.budgetYuan) ?? 0 },
        });
        message.success('项目已创建（草稿），开放申报后企业即可申请');
      }
      onClose(true);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PROGRAM_RULES_LOCKED') setLockedNow(true);
      else setError(applyProgramErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  const title = !editing ? '新建服务券项目' : locked ? `项目规则：${program.name}` : `修改项目规则：${program.name}`;
  return (
    <Modal
      open
      title={title}
      onCancel={() => onClose(lockedNow)}
      footer={null}
      destroyOnClose
      width={820}
      styles={{ body: { maxHeight: '72vh', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      {locked && (
        <Alert
          type="warning"
          showIcon
          data-testid="rules-locked"
          message="规则已锁定"
          description={LOCKED_TEXT}
          style={{ marginBottom: 12 }}
        />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={locked}
        data-testid="program-form"
        initialValues={program ? formValuesOf(program) : defaultFormValues(session?.org.name ?? '科技主管部门')}
      >
        <Divider orientation="left" plain style={{ marginTop: 0 }}>
          基本信息
        </Divider>
        <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}>
          <Input placeholder={`如：${new Date().getFullYear()} 年晋江市中试服务券`} maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="kind" label="类型">
              <Select options={Object.entries(PROGRAM_KIND).map(([value, l]) => ({ value, label: l }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            {editing ? (
              <Form.Item label="预算" extra="预算通过“追加预算”增加">
                <Input value={`¥${(program.budgetFen / 100).toLocaleString('zh-CN')}`} disabled />
              </Form.Item>
            ) : (
              <Form.Item name="budgetYuan" label="初始预算（元）">
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
        </Row>

        <Divider orientation="left" plain>
          补贴规则与上限
        </Divider>
        <Form.Item name="ruleKind" label="补贴方式">
          <Radio.Group
            options={[
              { value: 'RATIO', label: '按比例' },
              { value: 'TIERS', label: '分档累进（如首 1 万元 100%，超出部分 50%）' },
            ]}
          />
        </Form.Item>
        {ruleKind === 'TIERS' ? (
          <TierEditor />
        ) : (
          <Form.Item
            name="ratioPercent"
            label="补贴比例（%）"
            extra="按合同金额的该比例补贴"
            rules={[{ required: true, message: '请填写比例' }]}
          >
            <InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="maxVoucherYuan"
              label="单券上限（元）"
              extra="一张服务券的最高面额"
              rules={[{ required: true, message: '请填写单券上限' }]}
            >
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="capPerOrderYuan" label="每笔订单补贴上限（元）" extra="留空不限">
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="capPerSmeYearYuan" label="每家企业每年补贴上限（元）" extra="留空不限">
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="capPerPlatformYearYuan" label="每个平台每年补贴上限（元）" extra="留空不限">
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="onePerPair" valuePropName="checked">
          <Checkbox>同一企业与同一平台每年仅补贴一笔订单</Checkbox>
        </Form.Item>

        <ProgramEligibilityFields />

        <Divider orientation="left" plain>
          申报、有效期与兑付
        </Divider>
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item name="apply" label="申报期" rules={[{ required: true, message: '请选择申报期' }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="validityDays"
              label="有效天数"
              extra="自发券之日起"
              rules={[{ required: true, message: '请填写有效天数' }]}
            >
              <InputNumber min={1} max={3660} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="redemptionMode" label="兑付方式">
          <Radio.Group options={REDEMPTION_OPTIONS} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="noticeDays" label="公示天数" extra="兑付批准后公示">
              <InputNumber min={0} max={90} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="claimWindowDays"
              label="兑付申请期限（天）"
              extra="券到期前已签约订单，完成后在此期限内申请兑付"
            >
              <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="spotCheckPercent" label="抽查比例（%）" extra="已批准兑付中随机抽查">
              <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="makerChecker" valuePropName="checked">
          <Checkbox>审批与拨付分离：批准兑付的人员不能拨付该笔兑付</Checkbox>
        </Form.Item>

        <CofundersField />

        {!locked && (
          <Button type="primary" htmlType="submit" loading={busy} block style={{ marginTop: 12 }}>
            {editing ? '保存规则' : '创建项目'}
          </Button>
        )}
      </Form>
    </Modal>
  );
}
