import { Alert, App as AntApp, Button, Card, Form, Input, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { applyApiErrors, errorText } from '../../shared/errors';
import { useLoad } from '../../shared/useLoad';
import {
  CORRECTION_STATUS,
  decideCorrection,
  getOrg,
  listCorrections,
  ORG_SIZE,
  OrgCorrection,
  OrgProfile,
  Shareholder,
  updateOrg,
} from './api';
import { EligibilityFactsView } from './EligibilityFactsView';
import { readShareholders, ShareholderFields, ShareholderEntry, toShareholderEntries } from './ShareholderFields';

interface ProfileForm {
  legalRepresentative?: string;
  techSme: boolean;
  size?: OrgProfile['size'];
  contactPhone?: string;
  address?: string;
  shareholders: ShareholderEntry[];
}

const blank = (value?: string | null) => (value ? value : undefined);

/**
 * The owner's org profile. Once the org is verified, its eligibility facts (科技型中小企业, 法定代表人, 主要股东)
 * change only through review: a change is filed as a correction request, shown here with its status (or
 * the bureau's reason for rejecting it), and every rule keeps using the verified values until approved.
 */
export function OrgProfileCard({ orgId }: { orgId: string }) {
  const org = useLoad(() => getOrg(orgId), [orgId]);
  const latest = useLoad(() => listCorrections({ limit: 1 }), [orgId]);
  // the shareholders in force (the verified list, whatever is pending)
  const holders = useLoad(() => api<Shareholder[]>(`/orgs/${orgId}/shareholders`), [orgId]);
  const reload = () => {
    org.reload();
    latest.reload();
    holders.reload();
  };
  const failed = org.error ?? latest.error ?? holders.error;
  return (
    <Card title="企业资料" size="small" data-testid="org-profile">
      {failed && <Alert type="error" showIcon message={failed} />}
      <Spin spinning={!org.data || !holders.data}>
        {org.data && holders.data && (
          <ProfileBody
            // a fresh form after each save: it shows the values in force
            key={`${org.data.pendingCorrection?.id ?? 'none'}-${org.data.techSme}-${JSON.stringify(holders.data)}`}
            org={org.data}
            holders={holders.data}
            lastDecided={latest.data?.items[0]}
            onSaved={reload}
          />
        )}
      </Spin>
    </Card>
  );
}

function ProfileBody({
  org,
  holders,
  lastDecided,
  onSaved,
}: {
  org: OrgProfile;
  holders: Shareholder[];
  lastDecided?: OrgCorrection;
  onSaved: () => void;
}) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ProfileForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const verified = org.verificationStatus === 'VERIFIED';
  const pending = org.pendingCorrection ?? undefined;
  const rejected = !pending && lastDecided?.status === 'REJECTED' ? lastDecided : undefined;

  const submit = async (values: ProfileForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await updateOrg(org.id, {
        legalRepresentative: blank(values.legalRepresentative?.trim()),
        techSme: values.techSme,
        size: values.size ?? undefined,
        contactPhone: blank(values.contactPhone?.trim()),
        address: blank(values.address?.trim()),
        shareholders: readShareholders(values.shareholders),
      });
      message.success(
        saved.pendingCorrection ? '资格信息变更已提交主管部门审核，审核通过前仍按已认证信息办理' : '企业资料已保存',
      );
      onSaved();
    } catch (e) {
      setError(applyApiErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (correction: OrgCorrection) => {
    try {
      await decideCorrection(correction.id, 'cancel');
      message.success('已撤回资料变更申请');
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {verified && (
        <Alert
          type="info"
          showIcon
          data-testid="facts-locked-note"
          message="已认证机构的科技型中小企业、法定代表人、主要股东信息变更须经主管部门审核"
          description="提交后形成资料变更申请；审核通过前，服务券申领、关联交易核查等均按已认证的信息办理。其他资料保存后立即生效。"
        />
      )}
      {pending && (
        <Alert
          type="warning"
          showIcon
          data-testid="pending-correction"
          message={
            <Space wrap>
              资料变更申请
              <Tag color={CORRECTION_STATUS[pending.status].color}>{CORRECTION_STATUS[pending.status].text}</Tag>
            </Space>
          }
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">申请变更为：</Typography.Text>
              <EligibilityFactsView facts={pending.requested} only />
              <Button size="small" onClick={() => withdraw(pending)}>
                撤回申请
              </Button>
            </Space>
          }
        />
      )}
      {rejected && (
        <Alert
          type="error"
          showIcon
          data-testid="rejected-correction"
          message="上次资料变更申请未通过审核"
          description={`原因：${rejected.rejectionReason ?? ''}`}
        />
      )}
      {error && <Alert type="error" showIcon message={error} />}
      <Form<ProfileForm>
        form={form}
        name="orgProfile"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          legalRepresentative: org.legalRepresentative ?? undefined,
          techSme: org.techSme,
          size: org.size ?? undefined,
          contactPhone: org.contactPhone ?? undefined,
          address: org.address ?? undefined,
          shareholders: toShareholderEntries(holders),
        }}
      >
        <Form.Item name="techSme" label="科技型中小企业（已入库）" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item name="legalRepresentative" label="法定代表人">
          <Input maxLength={80} />
        </Form.Item>
        <ShareholderFields />
        <Form.Item name="size" label="企业规模">
          <Select allowClear options={Object.entries(ORG_SIZE).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {verified ? '保存（资格信息变更提交审核）' : '保存'}
        </Button>
      </Form>
    </Space>
  );
}
