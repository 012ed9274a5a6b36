import { Alert, Button, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import { yuan } from '../../shared/money';
import { NoticeItem } from './public-notice';
import { ObjectionModal } from './ObjectionModal';

export function PublicNoticeTable({
  notice,
  onObjected,
}: {
  notice: { data?: NoticeItem[]; loading: boolean; error?: string };
  onObjected?: () => void;
}) {
  const [objecting, setObjecting] = useState<NoticeItem>();
  return (
    <>
      {notice.error && <Alert type="error" message={notice.error} />}
      <Table
        rowKey="claimId"
        size="small"
        data-testid="public-notice"
        loading={notice.loading}
        dataSource={notice.data ?? []}
        pagination={false}
        scroll={{ x: 680 }}
        locale={{ emptyText: <Empty description="当前没有公示中的兑付" /> }}
        columns={[
          { title: '受益企业', dataIndex: 'smeName' },
          { title: '服务平台', dataIndex: 'platformName' },
          { title: '兑付金额', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
          { title: '批准日期', dataIndex: 'approvedOn' },
          { title: '公示截止', dataIndex: 'noticeUntil' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: NoticeItem['status']) =>
              s === 'UNDER_OBJECTION' ? <Tag color="orange">异议核查中</Tag> : <Tag color="blue">公示中</Tag>,
          },
          ...(onObjected
            ? [
                {
                  title: '异议',
                  key: 'object',
                  render: (_: unknown, item: NoticeItem) => (
                    <Button size="small" onClick={() => setObjecting(item)}>
                      提出异议
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {objecting && (
        <ObjectionModal
          item={objecting}
          onClose={(done) => {
            setObjecting(undefined);
            if (done) onObjected?.();
          }}
        />
      )}
    </>
  );
}
