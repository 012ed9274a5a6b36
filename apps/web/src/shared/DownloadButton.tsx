import { Button, Progress, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { download, DownloadProgress } from './api';
import { useAction } from './actions';

const size = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A report download that shows how far it has got: a progress bar over Content-Length, or a spinner
 * with the bytes received when the size is unknown. Errors are toasted in Chinese.
 */
export function DownloadButton({
  path,
  query,
  filename,
  children,
  testId,
}: {
  path: string;
  query: Record<string, string | number>;
  filename: string;
  children: ReactNode;
  testId?: string;
}) {
  const run = useAction();
  const [progress, setProgress] = useState<DownloadProgress>();
  const start = async () => {
    setProgress({ received: 0, total: null });
    await run(() => download(path, query, filename, setProgress), `已下载 ${filename}`);
    setProgress(undefined);
  };
  return (
    <Space size={6} data-testid={testId}>
      <Button onClick={start} disabled={!!progress}>
        {children}
      </Button>
      {progress &&
        (progress.total ? (
          <Progress
            data-testid="download-progress"
            percent={Math.floor((100 * progress.received) / progress.total)}
            size="small"
            style={{ width: 120, margin: 0 }}
          />
        ) : (
          <Space size={4} data-testid="download-progress">
            <Spin size="small" />
            <Typography.Text type="secondary">已接收 {size(progress.received)}</Typography.Text>
          </Space>
        ))}
    </Space>
  );
}
