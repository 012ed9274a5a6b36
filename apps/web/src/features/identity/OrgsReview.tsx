import { Button, Card, Empty, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import type { Org } from '../../shared/api-types';
import { useAction } from '../../shared/actions';
import { ROLE_LABEL } from '../../shared/labels/identity';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { RejectOrgModal } from './RejectOrgModal';

export function OrgsReview() {
  const run = useAction();
  const [rejecting, setRejecting] = useState<Org>();
  const orgs = usePagedLoad<'OrgPageDto'>('/orgs', { verificationStatus: 'PENDING' });
  const verify = async (org: Org) => {
    if (await run(() => api(`/orgs/${org.id}/verify`, { method: 'POST' }), `已认证：${org.name}`)) orgs.reload();
  };
  return (
    <Card size="small" title="待认证机构">
      <Table
        rowKey="id"
        size="small"
        loading={orgs.loading}
        dataSource={orgs.rows}
        pagination={orgs.pagination}
        scroll={{ x: 560 }}
        locale={{ emptyText: <Empty description="没有待认证的机构：新注册的企业和平台运营方提交认证后会出现在这里" /> }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => ROLE_LABEL[k] ?? k },
          { title: '统一社会信用代码', dataIndex: 'uscc' },
          { title: '地区', dataIndex: 'regionCode' },
          {
            title: '操作',
            render: (_: unknown, o: Org) => (
              <Space size={4}>
                <Button size="small" type="primary" onClick={() => verify(o)}>
                  认证通过
                </Button>
                <Button size="small" danger onClick={() => setRejecting(o)}>
                  驳回
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {rejecting && (
        <RejectOrgModal
          org={rejecting}
          onClose={(done) => {
            setRejecting(undefined);
            if (done) orgs.reload();
          }}
        />
      )}
    </Card>
  );
}
