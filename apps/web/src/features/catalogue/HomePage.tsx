import { Card, Checkbox, Col, Empty, Input, List, Row, Select, Space, Spin, Tag, Typography, Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { ServiceSearchPage } from '../../shared/api-types';
import { yuan } from '../../shared/money';
import { options } from '../../shared/labels';
import { SERVICE_CATEGORY } from '../../shared/labels/catalogue';
import { STAGE } from '../../shared/labels/demand';
import { errorText } from '../../shared/errors';

const CATEGORY_OPTIONS = options(SERVICE_CATEGORY, ['SCALE_UP', 'PERFORMANCE_TEST', 'SAMPLE_MAKING']);
const STAGE_OPTIONS = options(STAGE, ['PILOT', 'LAB', 'SMALL_BATCH']);

/** Public home: full-text search over services with filters, facet counts and the voucher badge. */
export function HomePage() {
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string>();
  const [stage, setStage] = useState<string>();
  const [voucherOnly, setVoucherOnly] = useState(false);
  const [result, setResult] = useState<ServiceSearchPage>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    api<ServiceSearchPage>('/search/services', {
      query: { q, category, stage, voucherEligible: voucherOnly ? true : undefined, limit: 20 },
    })
      .then((r) => live && setResult(r))
      .catch((e) => live && setError(errorText(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [q, category, stage, voucherOnly]);

  const facet = (name: string, value: string) => result?.facets?.[name]?.[value];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        找中试服务
      </Typography.Title>
      <Typography.Text type="secondary">
        检索已上架中试平台发布的服务，标有“可用服务券”的服务可申请中试服务券抵扣。
      </Typography.Text>
      <Input.Search
        placeholder="输入关键词，如：石墨烯、面料、检测"
        enterButton="搜索"
        allowClear
        size="large"
        onSearch={setQ}
        data-testid="search-input"
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={8}>
          <Select
            allowClear
            placeholder="服务类别"
            style={{ width: '100%' }}
            value={category}
            onChange={setCategory}
            options={CATEGORY_OPTIONS.map((o) => ({
              ...o,
              label: `${o.label}${facet('category', o.value) !== undefined ? `（${facet('category', o.value)}）` : ''}`,
            }))}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Select
            allowClear
            placeholder="阶段"
            style={{ width: '100%' }}
            value={stage}
            onChange={setStage}
            options={STAGE_OPTIONS}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Checkbox checked={voucherOnly} onChange={(e) => setVoucherOnly(e.target.checked)}>
            仅看可用服务券
            {facet('voucherEligible', 'true') !== undefined ? `（${facet('voucherEligible', 'true')}）` : ''}
          </Checkbox>
        </Col>
      </Row>
      {error && <Alert type="error" showIcon message={error} />}
      <Spin spinning={loading} tip="加载中…">
        {result && result.items.length === 0 ? (
          <Empty description="没有找到符合条件的服务" />
        ) : (
          <List
            data-testid="service-results"
            grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }}
            dataSource={result?.items ?? []}
            header={result ? <span>共 {result.total} 项服务</span> : undefined}
            renderItem={(hit) => (
              <List.Item>
                <Card
                  size="small"
                  title={
                    <Link to={`/services/${hit.id}`}>
                      <span dangerouslySetInnerHTML={{ __html: hit._highlight?.title || hit.title }} />
                    </Link>
                  }
                  extra={hit.voucherEligible ? <Tag color="green">可用服务券</Tag> : null}
                >
                  <Space direction="vertical" size={4}>
                    <Link to={`/platforms/${hit.platform.id}`}>
                      <Typography.Text strong>{hit.platform.name}</Typography.Text>
                    </Link>
                    <Space wrap size={4}>
                      <Tag>{hit.categoryLabel}</Tag>
                      {hit.stageLabels?.map((s) => (
                        <Tag key={s}>{s}</Tag>
                      ))}
                    </Space>
                    <Typography.Text>
                      {hit.pricingKind === 'QUOTE'
                        ? '价格面议'
                        : `${yuan(hit.priceFen)}${hit.unitName ? ` / ${hit.unitName}` : ''}`}{' '}
                      · 周期约 {hit.leadTimeDays} 天
                    </Typography.Text>
                  </Space>
                </Card>
              </List.Item>
            )}
          />
        )}
      </Spin>
    </Space>
  );
}
