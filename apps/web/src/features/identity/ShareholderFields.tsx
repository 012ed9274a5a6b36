import { Button, Form, Input, Space, Typography } from 'antd';
import { PercentInput } from '../../shared/PercentInput';
import type { Shareholder } from './api';

/** One row of the shareholder list as the form holds it: the share in percent. */
export interface ShareholderEntry {
  holderName?: string;
  holderKey?: string;
  sharePercent?: number;
}

export const toShareholderEntries = (holders: Shareholder[]): ShareholderEntry[] =>
  holders.map((h) => ({ holderName: h.holderName, holderKey: h.holderKey, sharePercent: h.shareBp / 100 }));

/** The rows the owner filled in, as the API takes them (basis points); empty rows are dropped. */
export const readShareholders = (rows: ShareholderEntry[] = []): Shareholder[] =>
  rows
    .filter((r) => r.holderName?.trim() && r.holderKey?.trim() && r.sharePercent)
    .map((r) => ({
      holderName: r.holderName!.trim(),
      holderKey: r.holderKey!.trim(),
      shareBp: Math.round(r.sharePercent! * 100),
    }));

/** 主要股东 (for the related-party check, 关联交易): name, USCC or ID key, share. */
export function ShareholderFields() {
  return (
    <Form.Item label="主要股东" extra="用于关联交易核查：填写持股 5% 以上的股东，企业股东填统一社会信用代码">
      <Form.List name="shareholders">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((field) => (
              <Space key={field.key} wrap align="baseline">
                <Form.Item
                  name={[field.name, 'holderName']}
                  rules={[{ required: true, message: '请填写股东名称' }]}
                  noStyle
                >
                  <Input placeholder="股东名称" style={{ width: 160 }} maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'holderKey']}
                  rules={[{ required: true, message: '请填写证件号' }]}
                  noStyle
                >
                  <Input placeholder="统一社会信用代码/证件标识" style={{ width: 200 }} maxLength={64} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'sharePercent']}
                  rules={[{ required: true, message: '请填写持股比例' }]}
                  noStyle
                >
                  <PercentInput style={{ width: 130 }} placeholder="持股比例" />
                </Form.Item>
                <Button size="small" onClick={() => remove(field.name)}>
                  删除
                </Button>
              </Space>
            ))}
            {!fields.length && <Typography.Text type="secondary">未填报股东</Typography.Text>}
            <Button size="small" type="dashed" onClick={() => add()}>
              添加股东
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
