import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, Row, Space, Typography } from 'antd';
import { PercentInput } from '../../shared/PercentInput';
import { CofunderValues, nextCofunderKey, sharesBp } from './program-form';

const SHARES_ERROR = '各出资方比例合计须为 100%';

/** The program form's co-funders (出资方): names and shares that must add up to 100 %. */
export function CofundersField() {
  const form = Form.useFormInstance();
  const cofunders = Form.useWatch('cofunders', form) as CofunderValues[] | undefined;
  const sharesTotal = sharesBp(cofunders);
  return (
    <>
      <Divider orientation="left" plain>
        出资方
      </Divider>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        填写各出资方名称及出资比例，如泉州市、晋江市 1:1 共同出资则各填 50%。
      </Typography.Paragraph>
      <Form.List
        name="cofunders"
        rules={[
          {
            validator: async (_, value: CofunderValues[] | undefined) => {
              if (!value?.length) throw new Error('至少需要一个出资方');
              if (sharesBp(value) !== 10_000) throw new Error(SHARES_ERROR);
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <div data-testid="cofunders">
            {rows.map((row, i) => (
              <Row gutter={8} key={row.key} align="top">
                <Form.Item name={[row.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Col flex="auto">
                  <Form.Item
                    name={[row.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: '请填写出资方名称' }]}
                  >
                    <Input aria-label={`出资方 ${i + 1} 名称`} placeholder="如：泉州市科学技术局" maxLength={100} />
                  </Form.Item>
                </Col>
                <Col flex="150px">
                  <Form.Item name={[row.name, 'sharePercent']} rules={[{ required: true, message: '请填写比例' }]}>
                    <PercentInput aria-label={`出资方 ${i + 1} 比例（%）`} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button
                    aria-label={`删除出资方 ${i + 1}`}
                    icon={<DeleteOutlined />}
                    disabled={rows.length <= 1}
                    onClick={() => remove(row.name)}
                  />
                </Col>
              </Row>
            ))}
            <Space wrap style={{ marginBottom: 8 }}>
              <Button
                icon={<PlusOutlined />}
                disabled={rows.length >= 10}
                onClick={() =>
                  add({ key: nextCofunderKey(form.getFieldValue('cofunders')), name: '', sharePercent: undefined })
                }
              >
                添加出资方
              </Button>
              <Typography.Text type={sharesTotal === 10_000 ? 'secondary' : 'danger'} data-testid="shares-total">
                比例合计 {sharesTotal / 100}%（各出资方比例合计须为 100%，拨付时按比例分担）
              </Typography.Text>
            </Space>
            {/* The sum error goes once the shares add up again (the list revalidates only on submit). */}
            <Form.ErrorList errors={errors.filter((e) => !(e === SHARES_ERROR && sharesTotal === 10_000))} />
          </div>
        )}
      </Form.List>
    </>
  );
}
