import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, Schema } from '../../shared/api';
import { useAction, useDialogClose } from '../../shared/actions';
import { label } from '../../shared/labels';
import { POLICY_STATUS } from '../../shared/labels/research';
import { LoadedTable } from '../../shared/LoadedTable';
import { usePagedLoad } from '../../shared/usePagedLoad';
import { PolicyFormModal } from './PolicyFormModal';

type Notice = Schema<'PolicyNoticeResponseDto'>;

/** Bureau: its policy notices, drafted here, published to the public 政策资讯 list, archived when outdated. */
export function PolicyAdmin() {
  const notices = usePagedLoad<'PolicyNoticePageDto'>('/policy-notices', { mine: true });
  const [creating, setCreating] = useState(false);
  const act = useAction();
  const closeWith = useDialogClose();
  const move = (n: Notice, path: string, done: string) => async () => {
    if (await act(() => api(`/policy-notices/${n.id}/${path}`, { method: 'POST' }), done)) notices.reload();
  };
  return (
    <Card
      title="政策资讯"
      size="small"
      data-testid="policy-admin"
      extra={
        <Button type="primary" size="small" onClick={() => setCreating(true)}>
          新增政策
        </Button>
      }
    >
      <LoadedTable
        load={notices}
        rows={notices.rows}
        empty="还没有发布政策资讯"
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            render: (t: string, n: Notice) => <Link to={`/policies/${n.id}`}>{t}</Link>,
          },
          { title: '文号', dataIndex: 'documentNumber', render: (d: string | null) => d ?? '—' },
          { title: '成文日期', dataIndex: 'issuedOn' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{label(POLICY_STATUS, s)}</Tag> },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, n: Notice) => (
              <Space size={4}>
                {n.status === 'DRAFT' && (
                  <Button size="small" type="primary" onClick={move(n, 'publish', '已发布')}>
                    发布
                  </Button>
                )}
                {n.status === 'PUBLISHED' && (
                  <Button size="small" onClick={move(n, 'archive', '已归档')}>
                    归档
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && <PolicyFormModal onClose={closeWith(() => setCreating(false), '已保存草稿', notices.reload)} />}
    </Card>
  );
}
