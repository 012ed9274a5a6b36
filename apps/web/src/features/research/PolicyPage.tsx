import { Alert, Card, Descriptions, Spin, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';

/** One policy notice, as issued (Traditional text stays Traditional), with its links and voucher programs. */
export function PolicyPage() {
  const { id } = useParams();
  const notice = useLoad(() => api<Schema<'PolicyNoticeResponseDto'>>(`/policy-notices/${id}`), [id]);
  const n = notice.data;
  if (notice.error) return <Alert type="error" showIcon message={notice.error} />;
  if (!n) return <Spin />;
  return (
    <Card title={n.title} data-testid="policy-page">
      <Descriptions column={{ xs: 1, sm: 3 }} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="发文机关">{n.issuingBody}</Descriptions.Item>
        <Descriptions.Item label="文号">{n.documentNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="成文日期">{n.issuedOn}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>
      {n.links.length > 0 && (
        <Typography.Paragraph>
          附件与链接：
          {n.links.map((link) => (
            <a key={link.url} href={link.url} target="_blank" rel="noreferrer noopener" style={{ marginRight: 12 }}>
              {link.title}
            </a>
          ))}
        </Typography.Paragraph>
      )}
      {n.programs.length > 0 && (
        <Typography.Paragraph>相关服务券项目：{n.programs.map((p) => p.name).join('、')}</Typography.Paragraph>
      )}
    </Card>
  );
}
