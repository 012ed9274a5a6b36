import { Button, Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Schema } from '../../shared/api';
import { LoadedTable } from '../../shared/LoadedTable';
import type { useLoad } from '../../shared/useLoad';
import { AdopterTable } from './AdopterTable';

type ResultMatch = Schema<'ResultMatchesDto'>['items'][number];
type Matches = ReturnType<typeof useLoad<Schema<'ResultMatchesDto'>>>;

const REASONS: [keyof Omit<ResultMatch['reasons'], 'terms' | 'categories'>, string][] = [
  ['field', '领域匹配'],
  ['stage', '覆盖验证目标阶段'],
  ['budget', '价格在预算内'],
];

/**
 * The platform services that can verify a result, with why (the institute's and other viewers' view); for the
 * institute also the SMEs that may adopt it.
 */
export function ResultMatches({ matches }: { matches: Matches }) {
  const adopters = matches.data?.adopters;
  return (
    <>
      <Card
        title="可承担验证的中试服务"
        size="small"
        style={{ marginTop: 16 }}
        extra={
          <Button size="small" onClick={matches.reload}>
            刷新
          </Button>
        }
      >
        <LoadedTable<ResultMatch>
          data-testid="result-matches"
          load={matches}
          rows={matches.data?.items ?? []}
          rowKey={(m) => m.service.id}
          empty="暂未找到可验证该成果的服务"
          columns={[
            { title: '#', dataIndex: 'rank', width: 48 },
            {
              title: '服务',
              render: (_, m) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/services/${m.service.id}`}>{m.service.title}</Link>
                  <Typography.Text type="secondary">{m.service.categoryLabel}</Typography.Text>
                </Space>
              ),
            },
            { title: '平台', render: (_, m) => m.platform.name },
            {
              title: '匹配理由',
              render: (_, m) => (
                <Space size={[0, 4]} wrap>
                  {REASONS.filter(([key]) => m.reasons[key]).map(([key, text]) => (
                    <Tag key={key} color="green">
                      {text}
                    </Tag>
                  ))}
                  {m.reasons.categories.length > 0 && <Tag color="green">验证类别匹配</Tag>}
                  {m.reasons.terms.map((term) => (
                    <Tag key={term}>{term}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: '匹配度', render: (_, m) => `${Math.round(m.score * 100)}%`, width: 80 },
          ]}
        />
      </Card>
      {adopters && <AdopterTable load={matches} adopters={adopters} />}
    </>
  );
}
