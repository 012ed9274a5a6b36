import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { useDialogClose } from '../../shared/actions';
import { label } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import { LoadedTable } from '../../shared/LoadedTable';
import { RECOGNITION_STATUS } from '../../shared/labels/governance';
import { Recognition } from './PlatformGovernance';
import { ReasonModal } from './ReasonModal';
import { ApproveRecognitionModal } from './ApproveRecognitionModal';

export function Recognitions({ platformId }: { platformId: string }) {
  const closeDialog = useDialogClose();
  const recs = useLoad(() => api<Schema<'RecognitionPageDto'>>(`/platforms/${platformId}/recognitions`), [platformId]);
  const rows = recs.data?.items ?? [];
  const [approving, setApproving] = useState<Recognition>();
  const [rejecting, setRejecting] = useState<Recognition>();
  return (
    <>
      <LoadedTable
        load={recs}
        rows={rows}
        empty="暂无认定申请"
        columns={[
          { title: '申请级别', dataIndex: 'level', render: (l: string) => label(RECOGNITION_LEVEL, l) },
          { title: '佐证材料', dataIndex: 'evidence' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r: Recognition) => (
              <Space direction="vertical" size={0}>
                <Tag>{label(RECOGNITION_STATUS, s)}</Tag>
                {r.validUntil && (
                  <span>
                    {r.validFrom} 至 {r.validUntil}
                  </span>
                )}
                {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_: unknown, r: Recognition) =>
              r.status === 'PENDING' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setApproving(r)}>
                    认定
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(r)}>
                    不予认定
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {approving && (
        <ApproveRecognitionModal
          recognition={approving}
          onClose={closeDialog(() => setApproving(undefined), '已认定', recs.reload)}
        />
      )}
      {rejecting && (
        <ReasonModal
          title="不予认定"
          path={`/recognitions/${rejecting.id}/reject`}
          onClose={(done) => {
            setRejecting(undefined);
            if (done) recs.reload();
          }}
        />
      )}
    </>
  );
}
