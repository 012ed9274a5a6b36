import { Alert, Card, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { listItems } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';
import { HOW_TO_OBJECT } from './public-notice';
import { PublicNoticeTable } from './PublicNoticeTable';

/** 公示: the approved claims of a program during their notice, with the objection form — public, no login. */
export function PublicNoticePage() {
  const { programId = '' } = useParams();
  const notice = useLoad(
    () => listItems<'PublicNoticePageDto'>(`/voucher-programs/${programId}/public-notice`),
    [programId],
  );
  return (
    <Card title="服务券兑付公示" data-testid="public-notice-page">
      <Alert type="info" showIcon message="异议方式" description={HOW_TO_OBJECT} style={{ marginBottom: 12 }} />
      <PublicNoticeTable notice={notice} onObjected={notice.reload} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        <Link to="/">返回首页</Link>
      </Typography.Paragraph>
    </Card>
  );
}
