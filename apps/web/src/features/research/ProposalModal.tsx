import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, App as AntApp } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, RequestBody, Schema } from '../../shared/api';
import { toBp } from '../../shared/money';
import { useDialogSubmit } from '../../shared/useDialogSubmit';
import { useLoad } from '../../shared/useLoad';
import { IpTermsFields } from '../demand/IpTermsFields';

type Platform = Schema<'PlatformResponseDto'>;

/** A platform proposes a verification of a result (中试验证方案): price, timeline, scope, IP terms. */
export function ProposalModal({
  resultId,
  resultTitle,
  platforms,
  onClose,
}: {
  resultId: string;
  resultTitle: string;
  platforms: Platform[];
  onClose: (done: boolean) => void;
}) {
  const { message } = AntApp.useApp();
  const { form, error, busy, submit } = useDialogSubmit(
    async (values: {
      platformId: string;
      serviceId?: string;
      priceYuan: number;
      timelineDays: number;
      scope: string;
      validUntil: Dayjs;
      ipOwnership: RequestBody<'SubmitResultProposalDto'>['ipOwnership'];
      ipBuyerSharePct?: number;
      benefitSharingNote?: string;
    }) => {
      await api(`/results/${resultId}/proposals`, {
        method: 'POST',
        body: {
          platformId: values.platformId,
          serviceId: values.serviceId || undefined,
          priceFen: Math.round(values.priceYuan * 100),
          timelineDays: values.timelineDays,
          scope: values.scope,
          validUntil: values.validUntil.format('YYYY-MM-DD'),
          ipOwnership: values.ipOwnership,
          ipBuyerShareBp:
            values.ipOwnership === 'SHARED' && values.ipBuyerSharePct ? toBp(values.ipBuyerSharePct) : undefined,
          benefitSharingNote: values.benefitSharingNote || undefined,
        } satisfies RequestBody<'SubmitResultProposalDto'>,
      });
      message.success('验证方案已提交');
    },
    () => onClose(true),
    { ipBuyerShareBp: 'ipBuyerSharePct', priceFen: 'priceYuan' },
  );
  const platformId = Form.useWatch('platformId', form) as string | undefined;
  const chosen = platformId ?? platforms[0]?.id;
  const services = useLoad(
    () =>
      chosen
        ? api<Schema<'ServicePageDto'>>(`/platforms/${chosen}/services`, { query: { limit: 100 } })
        : Promise.resolve(undefined),
    [chosen],
  );
  const published = (services.data?.items ?? []).filter((s) => s.status === 'PUBLISHED');
  return (
    <Modal open title={`提出验证方案：${resultTitle}`} onCancel={() => onClose(false)} footer={null} destroyOnClose>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          platformId: platforms[0]?.id,
          timelineDays: 60,
          validUntil: dayjs().add(30, 'day'),
          ipOwnership: 'PER_CONTRACT',
        }}
      >
        <Form.Item name="platformId" label="承担平台" rules={[{ required: true, message: '请选择平台' }]}>
          <Select options={platforms.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="serviceId" label="依托服务项目" extra="选填：验证所依托的已发布服务">
          <Select allowClear options={published.map((s) => ({ value: s.id, label: s.title }))} />
        </Form.Item>
        <Form.Item name="priceYuan" label="报价金额（元）" rules={[{ required: true, message: '请输入报价金额' }]}>
          <InputNumber min={0.01} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="timelineDays" label="周期（天）" rules={[{ required: true, message: '请输入周期' }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="scope" label="验证内容" rules={[{ required: true, message: '请描述验证内容' }]}>
          <Input.TextArea rows={3} placeholder="如：3 批次中试放大 + 性能检测报告" />
        </Form.Item>
        <Form.Item name="validUntil" label="方案有效期至" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <IpTermsFields />
        <Button type="primary" htmlType="submit" loading={busy} block>
          提交验证方案
        </Button>
      </Form>
    </Modal>
  );
}
