import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api, getSession, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { label } from '../../shared/labels';
import { SERVICE_CATEGORY } from '../../shared/labels/catalogue';
import {
  IP_KIND,
  RESULT_CONFIDENTIALITY,
  RESULT_STAGE,
  RESULT_STATUS,
  RESULT_TARGET_STAGE,
  TRANSFER_MODE,
} from '../../shared/labels/research';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';
import { ResultMatches } from './ResultMatches';
import { KeyProjectTracking } from '../governance/KeyProjectTracking';
import { ResultProposals } from './ResultProposals';

type Result = Schema<'ResultResponseDto'>;

/** Orgs that may accept a SUMMARY result's NDA to see it in full. */
const NDA_KINDS = ['PLATFORM_OPERATOR', 'SME', 'BUREAU'];

/** One result as the visitor may see it; a summary viewer may accept the NDA to see the rest. */
export function ResultPage() {
  const { id } = useParams();
  const result = useLoad(() => api<Result>(`/results/${id}`), [id]);
  const act = useAction();
  const signedIn = !!getSession();
  const matches = useLoad(
    () =>
      signedIn
        ? api<Schema<'ResultMatchesDto'>>(`/results/${id}/matches`, { query: { limit: 10 } })
        : Promise.resolve(undefined),
    [id, signedIn],
  );
  const r = result.data;
  if (result.error) return <Alert type="error" showIcon message={result.error} />;
  if (!r) return <Spin />;
  const acceptNda = async () => {
    if (await act(() => api(`/results/${r.id}/nda`, { method: 'POST' }), '已签署保密协议')) result.reload();
  };
  const kind = getSession()?.org.kind;
  const owner = r.view === 'FULL' && r.instituteOrgId === getSession()?.org.id;
  return (
    <Card title={r.title} extra={<Tag>{label(RESULT_STATUS, r.status)}</Tag>} data-testid="result-page">
      {/* Only the institute is a party to its result's tracking (others would get a 404). */}
      {owner && r.status !== 'DRAFT' && (
        <div style={{ marginBottom: 16 }}>
          <KeyProjectTracking subjectType="RESULT" subjectId={r.id} />
        </div>
      )}
      {r.view === 'SUMMARY' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="您看到的是成果摘要"
          description={
            <Space direction="vertical">
              <span>{RESULT_CONFIDENTIALITY.SUMMARY.help}</span>
              {kind && NDA_KINDS.includes(kind) && (
                <Button type="primary" size="small" onClick={acceptNda}>
                  签署保密协议，查看全部内容
                </Button>
              )}
            </Space>
          }
        />
      )}
      <Typography.Paragraph>{r.summary}</Typography.Paragraph>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
        {r.instituteName && <Descriptions.Item label="成果单位">{r.instituteName}</Descriptions.Item>}
        <Descriptions.Item label="已达阶段">{label(RESULT_STAGE, r.stageReached)}</Descriptions.Item>
        <Descriptions.Item label="技术成熟度">TRL {r.readinessLevel}</Descriptions.Item>
        <Descriptions.Item label="验证目标">{label(RESULT_TARGET_STAGE, r.targetStage)}</Descriptions.Item>
        <Descriptions.Item label="所需验证服务">
          {r.verificationCategories.map((c) => label(SERVICE_CATEGORY, c)).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label="转化方式">
          {r.transferModes.map((m) => label(TRANSFER_MODE, m)).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label="验证预算">
          {r.view === 'FULL' && (r.budgetMinFen || r.budgetMaxFen)
            ? `${yuan(r.budgetMinFen)} – ${yuan(r.budgetMaxFen)}`
            : (r.budgetBand ?? '面议')}
        </Descriptions.Item>
        <Descriptions.Item label="知识产权" span={2}>
          {r.ipItems.length === 0
            ? '—'
            : r.ipItems.map((ip, i) => (
                <div key={i}>
                  {label(IP_KIND, ip.kind)}：{ip.title}
                  {ip.number ? `（${ip.number}）` : ''}
                </div>
              ))}
        </Descriptions.Item>
        {r.view === 'FULL' && (
          <>
            <Descriptions.Item label="技术详情" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {r.description || '—'}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="联系人">{r.contactName}</Descriptions.Item>
            <Descriptions.Item label="联系方式">
              {[r.contactPhone, r.contactEmail].filter(Boolean).join(' / ') || '—'}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {(owner || kind === 'PLATFORM_OPERATOR') && r.status !== 'DRAFT' && (
        <ResultProposals result={r} owner={owner} adopters={matches.data?.adopters ?? []} />
      )}
      {kind && <ResultMatches matches={matches} />}
    </Card>
  );
}
