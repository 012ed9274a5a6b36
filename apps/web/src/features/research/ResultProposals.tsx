import { Alert, Button, Card, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import { useAction } from '../../shared/actions';
import { ipTermsText } from '../../shared/ipTerms';
import { LoadedTable } from '../../shared/LoadedTable';
import { yuan } from '../../shared/money';
import { useLoad } from '../../shared/useLoad';
import { ProposalModal } from './ProposalModal';

type Proposal = Schema<'ResultProposalResponseDto'>;
type Adopter = Schema<'AdopterMatchDto'>;

const STATUS: Record<Proposal['status'], { text: string; color: string }> = {
  SUBMITTED: { text: '待选择', color: 'blue' },
  ACCEPTED: { text: '已接受', color: 'green' },
  DECLINED: { text: '未采纳', color: 'default' },
  WITHDRAWN: { text: '已撤回', color: 'default' },
};

/**
 * 中试验证方案 of a result: the institute sees every proposal and accepts one (the order follows, with an SME
 * adopter as co-funder if it chooses one); a platform sees its own and proposes from a listed platform.
 */
export function ResultProposals({
  result,
  owner,
  adopters,
}: {
  result: Schema<'ResultResponseDto'>;
  owner: boolean;
  adopters: Adopter[];
}) {
  const navigate = useNavigate();
  const act = useAction();
  const proposals = useLoad(
    () => api<Schema<'ResultProposalPageDto'>>(`/results/${result.id}/proposals`, { query: { limit: 50 } }),
    [result.id],
  );
  const platforms = useLoad(
    () =>
      owner
        ? Promise.resolve(undefined)
        : api<Schema<'PlatformPageDto'>>('/platforms', { query: { mine: true, limit: 50 } }),
    [owner],
  );
  const listed = (platforms.data?.items ?? []).filter((p) => p.status === 'LISTED');
  const [proposing, setProposing] = useState(false);
  const [accepting, setAccepting] = useState<Proposal>();
  const [coFunder, setCoFunder] = useState<string>();
  const accept = async () => {
    if (!accepting) return;
    let orderId: string | null = null;
    const ok = await act(async () => {
      const done = await api<Proposal>(`/result-proposals/${accepting.id}/accept`, {
        method: 'POST',
        body: coFunder ? { coFunderOrgId: coFunder } : {},
      });
      orderId = done.orderId;
    }, '已接受验证方案，订单已生成');
    setAccepting(undefined);
    if (ok && orderId) navigate(`/orders/${orderId}`);
  };
  const open = result.status === 'PUBLISHED';
  return (
    <Card
      title="中试验证方案"
      size="small"
      style={{ marginTop: 16 }}
      data-testid="result-proposals"
      extra={
        !owner &&
        open && (
          <Button type="primary" size="small" disabled={listed.length === 0} onClick={() => setProposing(true)}>
            提出验证方案
          </Button>
        )
      }
    >
      {!owner && platforms.data && listed.length === 0 && (
        <Alert type="info" showIcon message="您的平台上架后即可提出验证方案" style={{ marginBottom: 12 }} />
      )}
      <LoadedTable<Proposal>
        load={proposals}
        rows={proposals.data?.items ?? []}
        rowKey={(p) => p.id}
        empty={owner ? '暂无平台提出验证方案：成果发布后会推送给匹配的中试平台' : '您尚未对该成果提出验证方案'}
        columns={[
          { title: '平台', render: (_, p) => p.platformName },
          { title: '报价', render: (_, p) => yuan(p.priceFen) },
          { title: '周期', render: (_, p) => `${p.timelineDays} 天` },
          {
            title: '验证内容',
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <Typography.Text>{p.scope}</Typography.Text>
                <Typography.Text type="secondary">知识产权：{ipTermsText(p.ipTerms)}</Typography.Text>
              </Space>
            ),
          },
          { title: '状态', render: (_, p) => <Tag color={STATUS[p.status].color}>{STATUS[p.status].text}</Tag> },
          {
            title: '操作',
            render: (_, p) =>
              p.orderId ? (
                <Link to={`/orders/${p.orderId}`}>查看订单</Link>
              ) : owner && p.status === 'SUBMITTED' && open ? (
                <Button type="primary" size="small" onClick={() => setAccepting(p)}>
                  接受方案
                </Button>
              ) : null,
          },
        ]}
      />
      {proposing && (
        <ProposalModal
          resultId={result.id}
          resultTitle={result.title}
          platforms={listed}
          onClose={(done) => {
            setProposing(false);
            if (done) proposals.reload();
          }}
        />
      )}
      <Modal
        open={!!accepting}
        title="接受验证方案"
        okText="接受并生成订单"
        onOk={accept}
        onCancel={() => setAccepting(undefined)}
        destroyOnClose
      >
        <Typography.Paragraph>
          接受 {accepting?.platformName} 的方案（{accepting && yuan(accepting.priceFen)}，{accepting?.timelineDays}{' '}
          天）后将生成订单，由本单位作为委托方；其他方案将标记为未采纳，成果进入中试。
        </Typography.Paragraph>
        <Typography.Text>共同出资的承接企业（选填）</Typography.Text>
        <Select
          allowClear
          style={{ width: '100%', marginTop: 8 }}
          placeholder={adopters.length ? '从潜在承接企业中选择' : '暂无潜在承接企业'}
          value={coFunder}
          onChange={setCoFunder}
          options={adopters.map((a) => ({ value: a.orgId, label: a.name }))}
        />
      </Modal>
    </Card>
  );
}
