import { Alert, App as AntApp, Button, Checkbox, Descriptions, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { FieldNode, useIndustryFields } from '../../shared/fieldTree';
import { label } from '../../shared/labels';
import { SERVICE_CATEGORY } from '../../shared/labels/catalogue';
import { CONFIDENTIALITY, DEMAND_STATUS, STAGE } from '../../shared/labels/demand';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';
import { regionPath, REGION_OPTIONS } from '../catalogue/regions';

type Demand = Schema<'DemandResponseDto'>;

/** What the platform agrees to by accepting a SUMMARY demand's NDA (recorded with who accepted it and when). */
const NDA_CLAUSES = [
  '本平台仅为评估、报价和履行本需求使用需求方披露的技术信息（包括详细描述、预算、地区、期限等未公开内容）。',
  '未经需求方书面同意，不向任何第三方披露上述信息，不用于本需求以外的研发、申报或商业用途。',
  '仅向参与本需求评估和实施的本单位人员披露，并使其承担同等保密义务。',
  '本需求结束后，按需求方要求删除或返还相关资料；保密义务不因需求结束而终止。',
  '接受本协议将以本账号名义记录（时间、账号），需求方可以查看。',
];

const fieldName = (nodes: FieldNode[] = [], code: string): string | undefined => {
  for (const n of nodes) {
    if (n.code === code) return n.name;
    const below = fieldName(n.children, code);
    if (below) return below;
  }
  return undefined;
};

const regionName = (code: string | null | undefined): string => {
  const path = regionPath(code);
  if (!path) return code ?? '—';
  let nodes = REGION_OPTIONS;
  const names = path.map((value) => {
    const node = nodes.find((n) => n.value === value)!;
    nodes = node.children ?? [];
    return node.label;
  });
  return names.join(' / ');
};

/**
 * A demand as this platform may see it. A SUMMARY demand shows its summary, the NDA and an accept button;
 * once accepted, the API answers the full demand (description, budget, region, dates).
 */
export function DemandDetailModal({ demandId, onClose }: { demandId: string; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const fields = useIndustryFields();
  const loaded = useLoad(() => api<Demand>(`/demands/${demandId}`), [demandId]);
  const [accepted, setAccepted] = useState<Demand>();
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const demand = accepted ?? loaded.data;
  const acceptNda = async () => {
    setBusy(true);
    try {
      setAccepted(await api<Demand>(`/demands/${demandId}/nda`, { method: 'POST' }));
      message.success('已接受保密协议，可查看需求全文');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={demand?.title ?? '需求详情'} onCancel={onClose} footer={null} width={720} destroyOnClose>
      {loaded.error && <Alert type="error" message={loaded.error} />}
      {!demand && loaded.loading && <Spin />}
      {demand && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="demand-detail">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label="行业领域">
              {fieldName(fields.data, demand.fieldCode) ?? demand.fieldCode}
            </Descriptions.Item>
            <Descriptions.Item label="阶段">{label(STAGE, demand.stage)}</Descriptions.Item>
            <Descriptions.Item label="服务类别">
              {demand.categories.length
                ? demand.categories.map((c) => <Tag key={c}>{label(SERVICE_CATEGORY, c)}</Tag>)
                : '不限'}
            </Descriptions.Item>
            <Descriptions.Item label="保密级别">
              {CONFIDENTIALITY[demand.confidentiality]?.label ?? demand.confidentiality}
            </Descriptions.Item>
            <Descriptions.Item label="状态">{label(DEMAND_STATUS, demand.status)}</Descriptions.Item>
            <Descriptions.Item label="已收报价">{demand.quoteCount}</Descriptions.Item>
            {demand.view === 'FULL' && (
              <>
                <Descriptions.Item label="预算">
                  {demand.budgetMinFen || demand.budgetMaxFen
                    ? `${yuan(demand.budgetMinFen)} – ${yuan(demand.budgetMaxFen)}`
                    : '面议'}
                </Descriptions.Item>
                <Descriptions.Item label="所在地区">{regionName(demand.regionCode)}</Descriptions.Item>
                <Descriptions.Item label="期望完成">{demand.wantedBy ?? '—'}</Descriptions.Item>
                {demand.rewardFen ? (
                  <Descriptions.Item label="揭榜奖金">{yuan(demand.rewardFen)}</Descriptions.Item>
                ) : null}
                <Descriptions.Item label="详细描述" span={2}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="demand-description">
                    {demand.description}
                  </Typography.Paragraph>
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          {demand.view === 'SUMMARY' && (
            <NdaPanel agreed={agreed} onAgree={setAgreed} busy={busy} onAccept={acceptNda} />
          )}
        </Space>
      )}
    </Modal>
  );
}

function NdaPanel(props: { agreed: boolean; onAgree: (v: boolean) => void; busy: boolean; onAccept: () => void }) {
  return (
    <Alert
      type="info"
      showIcon
      data-testid="nda"
      message="该需求仅公开摘要：详细描述、预算、地区和期限须签署保密协议后查看"
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>保密协议（NDA）</Typography.Text>
          <ol style={{ paddingLeft: 20, margin: 0 }}>
            {NDA_CLAUSES.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
          <Checkbox checked={props.agreed} onChange={(e) => props.onAgree(e.target.checked)}>
            我已阅读并同意以上保密条款
          </Checkbox>
          <Button type="primary" disabled={!props.agreed} loading={props.busy} onClick={props.onAccept}>
            接受保密协议并查看全文
          </Button>
        </Space>
      }
    />
  );
}
