import { Alert, Descriptions, Table, Tag } from 'antd';
import { api, Schema } from '../../shared/api';
import { DownloadButton } from '../../shared/DownloadButton';
import { FieldNode, useIndustryFields } from '../../shared/fieldTree';
import { useLoad } from '../../shared/useLoad';

const fieldNames = (nodes: FieldNode[] = []): Record<string, string> =>
  Object.fromEntries(nodes.flatMap((n) => [[n.code, n.name], ...Object.entries(fieldNames(n.children))]));

/**
 * Bureau: what a platform declares (type, operating model, fields, region, contact) and its
 * qualifications with scope, expiry and the certificate scan to download — read before listing it or
 * sending it back.
 */
export function PlatformSubmission({ id }: { id: string }) {
  const platform = useLoad(() => api<Schema<'PlatformResponseDto'>>(`/platforms/${id}`), [id]);
  const fields = useIndustryFields();
  const p = platform.data;
  if (platform.error) return <Alert type="error" message={platform.error} />;
  if (!p) return null;
  const names = fieldNames(fields.data);
  return (
    <div data-testid="platform-submission">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="平台类型">{p.typeLabel}</Descriptions.Item>
        <Descriptions.Item label="运营模式">{p.operatingModelLabel}</Descriptions.Item>
        <Descriptions.Item label="行业领域">
          {p.fieldCodes.map((code) => (
            <Tag key={code}>{names[code] ?? code}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="所在地区">{p.regionName ?? p.regionCode}</Descriptions.Item>
        <Descriptions.Item label="地址">{p.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="联系人">
          {[p.contactName, p.contactPhone].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="平台简介" span={2}>
          {p.description || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        data-testid="submission-qualifications"
        pagination={false}
        dataSource={p.qualifications}
        locale={{ emptyText: '未填报资质' }}
        columns={[
          { title: '资质', dataIndex: 'kind' },
          { title: '证书编号', dataIndex: 'certificateNo' },
          { title: '认可范围', dataIndex: 'accreditedScope' },
          {
            title: '有效期至',
            dataIndex: 'validUntil',
            render: (d: string, q) => (q.expired ? <Tag color="error">{d} 已过期</Tag> : d),
          },
          {
            title: '证书扫描件',
            key: 'certificate',
            render: (_: unknown, q) =>
              q.certificate ? (
                <DownloadButton
                  path={`/platforms/${p.id}/qualifications/${q.id}/certificate`}
                  query={{}}
                  filename={q.certificate.fileName}
                  testId="certificate-download"
                >
                  下载 {q.certificate.fileName}
                </DownloadButton>
              ) : (
                <Tag color="warning">未上传</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
