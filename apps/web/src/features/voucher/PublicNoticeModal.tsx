import { Modal, Typography } from 'antd';
import { listItems } from '../../shared/api';
import { Program } from '../../shared/api-types';
import { useLoad } from '../../shared/useLoad';
import { Link } from 'react-router-dom';
import { PublicNoticeTable } from './PublicNoticeTable';
import { noticeUrl } from './public-notice';

/** 公示: approved claims within their public-notice period (public data), and the public page's address. */
export function PublicNoticeModal({ program, onClose }: { program: Program; onClose: () => void }) {
  const notice = useLoad(
    () => listItems<'PublicNoticePageDto'>(`/voucher-programs/${program.id}/public-notice`),
    [program.id],
  );
  return (
    <Modal open title={`公示：${program.name}`} onCancel={onClose} footer={null} width={760}>
      <Typography.Paragraph type="secondary">
        公开公示页（任何人可查看并提出异议）：<Link to={noticeUrl(program.id)}>{noticeUrl(program.id)}</Link>
      </Typography.Paragraph>
      <PublicNoticeTable notice={notice} />
    </Modal>
  );
}
