import { Alert, App as AntApp, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { label } from '../../shared/labels';
import { PLATFORM_STATUS, RECOGNITION_LEVEL } from '../../shared/labels/catalogue';
import type { Platform } from './platform-form';

const STATUS_COLOR: Record<string, string> = {
  DRAFT: 'default',
  PENDING_REVIEW: 'processing',
  LISTED: 'success',
  SUSPENDED: 'warning',
  DELISTED: 'error',
};

/** What the review says: a rejected draft carries the bureau's reason; suspension and delisting theirs. */
function outcome(p: Platform): { type: 'info' | 'success' | 'warning' | 'error'; text: string } {
  const reason = p.statusReason ?? '';
  switch (p.status) {
    case 'DRAFT':
      return reason
        ? { type: 'error', text: `审核未通过，监管部门退回理由：${reason}。请按意见修改平台信息或资质后重新提交审核。` }
        : { type: 'info', text: '草稿：完善平台信息和资质后提交审核；所在机构须先通过认证。' };
    case 'PENDING_REVIEW':
      return { type: 'info', text: '已提交审核，等待所在地监管部门审核。审核期间仍可修改平台信息。' };
    case 'LISTED':
      return { type: 'success', text: '审核通过，平台已上架：公众可检索，平台可查看需求并报价。' };
    case 'SUSPENDED':
      return { type: 'warning', text: `平台已暂停对外服务${reason ? `，理由：${reason}` : ''}。` };
    default:
      return { type: 'error', text: `平台已下架${reason ? `，理由：${reason}` : ''}，不能再修改。` };
  }
}

/** Operator: the platform's review status and outcome, and 提交审核 while it is a draft. */
export function PlatformReviewStatus({ platform, onChanged }: { platform: Platform; onChanged: () => void }) {
  const { message } = AntApp.useApp();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/platforms/${platform.id}/submit`, { method: 'POST' });
      message.success('已提交审核');
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const { type, text } = outcome(platform);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="platform-review-status">
      <Space wrap>
        <Tag color={STATUS_COLOR[platform.status]}>{label(PLATFORM_STATUS, platform.status)}</Tag>
        <Typography.Text>认定级别：{label(RECOGNITION_LEVEL, platform.recognitionLevel)}</Typography.Text>
        {platform.status === 'DRAFT' && (
          <Button size="small" type="primary" loading={busy} onClick={submit}>
            {platform.statusReason ? '重新提交审核' : '提交审核'}
          </Button>
        )}
      </Space>
      <Alert type={type} showIcon message={text} data-testid="review-outcome" />
      {error && <Alert type="error" showIcon message={error} />}
    </Space>
  );
}
