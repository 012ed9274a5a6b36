import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, App as AntApp } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, RequestBody, Schema } from '../../shared/api';
import { Demand } from '../../shared/api-types';
import { toBp } from '../../shared/money';
import { useDialogSubmit } from '../../shared/useDialogSubmit';
import { IpTermsFields } from './IpTermsFields';

/** A platform of the operator's (GET /platforms?mine=true): quotes go out in its name. */
export type PlatformRow = Schema<'PlatformResponseDto'>;

export function QuoteModal({
  demand,
  platforms,
  onClose,
  onSubmitted,
}: {
  demand: Demand;
  platforms: PlatformRow[];
  onClose: () => void;
  /** After a quote went out (before the dialog closes): e.g. 我的报价 reloads. */
  onSubmitted?: () => void;
}) {
  const { message } = AntApp.useApp();
  // A proposal must stay open through the award window, when the SME picks one (SPEC §4).
  const challenge = demand.mode === 'CHALLENGE';
  const validUntil = challenge && demand.awardBy ? dayjs(demand.awardBy) : dayjs().add(30, 'day');
  const { form, error, busy, submit } = useDialogSubmit(
    async (values: {
      platformId: string;
      priceYuan: number;
      timelineDays: number;
      scope: string;
      validUntil: Dayjs;
      ipOwnership: RequestBody<'SubmitQuoteDto'>['ipOwnership'];
      ipBuyerSharePct?: number;
      benefitSharingNote?: string;
    }) => {
      await api(`/demands/${demand.id}/quotes`, {
        method: 'POST',
        body: {
          platformId: values.platformId,
          priceFen: Math.round(values.priceYuan * 100),
          timelineDays: values.timelineDays,
          scope: values.scope,
          validUntil: values.validUntil.format('YYYY-MM-DD'),
          ipOwnership: values.ipOwnership,
          ipBuyerShareBp:
            values.ipOwnership === 'SHARED' && values.ipBuyerSharePct ? toBp(values.ipBuyerSharePct) : undefined,
          benefitSharingNote: values.benefitSharingNote || undefined,
        } satisfies RequestBody<'SubmitQuoteDto'>,
      });
      message.success(challenge ? '揭榜方案已提交' : '报价已提交');
      onSubmitted?.();
    },
    onClose,
    { ipBuyerShareBp: 'ipBuyerSharePct' },
  );
  return (
    <Modal
      open
      title={`${challenge ? '提交揭榜方案' : '报价'}：${demand.title}`}
      onCancel={onClose}
      footer={null}
      destroyOnClose
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          platformId: platforms[0]?.id,
          timelineDays: 30,
          validUntil,
          ipOwnership: 'PER_CONTRACT',
        }}
      >
        <Form.Item name="platformId" label="报价平台" rules={[{ required: true, message: '请选择平台' }]}>
          <Select options={platforms.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="priceYuan" label="报价金额（元）" rules={[{ required: true, message: '请输入报价金额' }]}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="timelineDays" label="周期（天）" rules={[{ required: true, message: '请输入周期' }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="scope"
          label={challenge ? '方案内容' : '服务范围'}
          rules={[{ required: true, message: challenge ? '请描述方案内容' : '请描述服务范围' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="validUntil"
          label="报价有效期至"
          rules={[{ required: true, message: '请选择日期' }]}
          extra={challenge ? `企业在 ${demand.awardBy} 前（含当日）择优选定方案，有效期请至少覆盖到该日` : undefined}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <IpTermsFields />
        <Button type="primary" htmlType="submit" loading={busy} block>
          {challenge ? '提交方案' : '提交报价'}
        </Button>
      </Form>
    </Modal>
  );
}
