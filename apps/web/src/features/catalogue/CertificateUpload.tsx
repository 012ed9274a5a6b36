import { Button, Form, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError, Schema } from '../../shared/api';
import { DownloadButton } from '../../shared/DownloadButton';
import { errorText } from '../../shared/errors';

type Qualification = Schema<'PlatformResponseDto'>['qualifications'][number];

/** The API's answer to a refused scan, in Chinese, for the field. */
function uploadError(e: unknown): string {
  if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') return '证书扫描件须为 PDF、JPG 或 PNG 文件';
  if (e instanceof ApiError && e.code === 'PAYLOAD_TOO_LARGE') {
    const max = Number(e.details.maxBytes);
    return max > 0 ? `文件过大：不能超过 ${(max / 1024 / 1024).toFixed(1)} MB` : '文件过大';
  }
  return errorText(e);
}

/**
 * The certificate scan of one saved qualification (证书扫描件, PDF/JPG/PNG): upload or replace it, see
 * and download what is on file. A refused file's reason shows at the field.
 */
export function CertificateUpload({
  platformId,
  qualification,
  disabled,
  onUploaded,
}: {
  platformId: string;
  qualification: Qualification;
  disabled?: boolean;
  onUploaded: () => void;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const path = `/platforms/${platformId}/qualifications/${qualification.id}/certificate`;
  const send = async (file: File) => {
    setBusy(true);
    setError(undefined);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await api(path, { method: 'PUT', form });
      onUploaded();
    } catch (e) {
      setError(uploadError(e));
    } finally {
      setBusy(false);
    }
  };
  const scan = qualification.certificate;
  return (
    <Form.Item
      label="证书扫描件"
      validateStatus={error ? 'error' : undefined}
      help={error ?? 'PDF、JPG 或 PNG，审核部门可查看；公开页面仅显示“证书已上传”'}
      style={{ marginBottom: 0 }}
      data-testid="certificate-field"
    >
      <Space wrap>
        {scan ? (
          <Tag color="green" data-testid="certificate-on-file">
            证书已上传：{scan.fileName}
          </Tag>
        ) : (
          <Typography.Text type="secondary">未上传</Typography.Text>
        )}
        <Upload
          accept=".pdf,.jpg,.jpeg,.png"
          showUploadList={false}
          disabled={disabled}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button size="small" loading={busy} disabled={disabled} data-testid="certificate-upload">
            {scan ? '重新上传' : '上传证书扫描件'}
          </Button>
        </Upload>
        {scan && (
          <DownloadButton path={path} query={{}} filename={scan.fileName}>
            下载
          </DownloadButton>
        )}
      </Space>
    </Form.Item>
  );
}
