import { Col, DatePicker, Form, InputNumber, Radio, Row } from 'antd';

/** What each mode means for the SME, shown where it is chosen. */
export const MODE_HELP: Record<string, string> = {
  OPEN: '平台按需报价，您可随时比较报价、请求修改并接受其中一家。',
  CHALLENGE:
    '揭榜挂帅：公开奖励与揭榜截止日期，平台在截止日前（含当日）提交方案；截止后不再接收新方案，您在择优确定期内从已收到的方案中选定一家，逾期未选定需求将过期。',
};

/**
 * The demand's mode (公开征集 or 揭榜挂帅) and, for a challenge, its reward, deadline and award window. The API
 * judges the dates (its calendar): a deadline already past is refused on its field when publishing.
 */
export function ChallengeFields({ mode }: { mode?: string }) {
  return (
    <>
      <Form.Item name="mode" label="需求方式" extra={mode ? MODE_HELP[mode] : undefined}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'OPEN', label: '公开征集' },
            { value: 'CHALLENGE', label: '揭榜挂帅' },
          ]}
        />
      </Form.Item>
      {mode === 'CHALLENGE' && (
        <Row gutter={12} data-testid="challenge-fields">
          <Col xs={24} sm={8}>
            <Form.Item name="rewardYuan" label="揭榜奖励（元）" rules={[{ required: true, message: '请填写揭榜奖励' }]}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item
              name="challengeDeadline"
              label="揭榜截止日期"
              rules={[{ required: true, message: '请选择揭榜截止日期' }]}
              extra="当日仍可提交方案"
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="awardWindowDays" label="择优确定期（天）" extra="揭榜截止后用于选定方案的天数">
              <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
