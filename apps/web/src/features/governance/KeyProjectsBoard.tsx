import { Alert, Button, Card, Col, Empty, Row, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { useDialogClose } from '../../shared/actions';
import { label } from '../../shared/labels';
import { KEY_PROJECT_STAGE, KEY_PROJECT_SUBJECT } from '../../shared/labels/governance';
import { useLoad } from '../../shared/useLoad';
import { KeyProjectDetail } from './KeyProjectDetail';
import { KeyProjectMarkModal } from './KeyProjectMarkModal';
import { useBureauOfficers } from './useBureauOfficers';

type KeyProject = Schema<'KeyProjectResponseDto'>;

/**
 * Bureau: its 重点项目清单 as a board, one column per stage (概念验证 → 小试 → 中试熟化 → 产业化); projects with
 * overdue milestones are flagged red; filtered by officer; closed ones on their own view.
 */
export function KeyProjectsBoard() {
  const [officerUserId, setOfficer] = useState<string>();
  const [status, setStatus] = useState<'ACTIVE' | 'CLOSED'>('ACTIVE');
  const board = useLoad(
    () =>
      api<Schema<'KeyProjectBoardDto'>>('/key-projects', {
        query: { status, ...(officerUserId && { officerUserId }) },
      }),
    [status, officerUserId],
  );
  const officers = useBureauOfficers();
  const [marking, setMarking] = useState(false);
  const [open, setOpen] = useState<KeyProject>();
  const closeWith = useDialogClose();
  const data = board.data;
  return (
    <Card
      title="重点项目清单"
      size="small"
      data-testid="key-projects-board"
      extra={
        <Space wrap>
          <Segmented
            size="small"
            value={status}
            onChange={(v) => setStatus(v as 'ACTIVE' | 'CLOSED')}
            options={[
              { value: 'ACTIVE', label: '跟踪中' },
              { value: 'CLOSED', label: '已结束' },
            ]}
          />
          <Select
            aria-label="按跟踪人筛选"
            size="small"
            allowClear
            placeholder="全部跟踪人"
            style={{ width: 150 }}
            value={officerUserId}
            onChange={setOfficer}
            options={officers.options}
          />
          <Button type="primary" size="small" onClick={() => setMarking(true)}>
            标记重点项目
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        建立概念验证、中试验证产业化项目清单，指定专人跟踪服务重点项目。
        {data && data.overdueCount > 0 && (
          <Tag
            color="red"
            style={{ marginLeft: 8 }}
            data-testid="overdue-total"
          >{`逾期里程碑 ${data.overdueCount} 项`}</Tag>
        )}
      </Typography.Paragraph>
      {board.error && <Alert type="error" message={board.error} />}
      {board.loading && !data && <Spin />}
      {data && data.total === 0 ? (
        <Empty
          description={
            status === 'ACTIVE'
              ? '还没有重点项目：点击“标记重点项目”，从辖区内的科技成果、中试需求或服务订单中选择，并指定跟踪人'
              : '没有已结束的重点项目'
          }
        />
      ) : (
        <Row gutter={12}>
          {(data?.columns ?? []).map((column) => (
            <Col key={column.stage} xs={24} md={12} xl={6}>
              <Card
                size="small"
                type="inner"
                title={`${label(KEY_PROJECT_STAGE, column.stage)}（${column.items.length}）`}
                data-testid={`key-project-column-${column.stage}`}
                style={{ marginBottom: 12 }}
              >
                {column.items.length === 0 && <Typography.Text type="secondary">暂无</Typography.Text>}
                {column.items.map((p) => (
                  <ProjectCard key={p.id} project={p} onOpen={() => setOpen(p)} />
                ))}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {marking && <KeyProjectMarkModal onClose={closeWith(() => setMarking(false), '已列入重点项目', board.reload)} />}
      {open && (
        <KeyProjectDetail
          project={open}
          onClose={(changed) => {
            setOpen(undefined);
            if (changed) board.reload();
          }}
        />
      )}
    </Card>
  );
}

function ProjectCard({ project, onOpen }: { project: KeyProject; onOpen: () => void }) {
  const next = project.milestones.find((m) => !m.doneOn);
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid="key-project-card"
      style={{ marginBottom: 8, borderColor: project.overdueCount > 0 ? '#ff4d4f' : undefined }}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Typography.Text strong>{project.subjectTitle}</Typography.Text>
        <Space size={4} wrap>
          <Tag>{label(KEY_PROJECT_SUBJECT, project.subjectType)}</Tag>
          {project.overdueCount > 0 && <Tag color="red">{`逾期 ${project.overdueCount} 项`}</Tag>}
        </Space>
        <Typography.Text type="secondary">{`跟踪人：${project.officer.displayName}`}</Typography.Text>
        <Typography.Text type="secondary">
          {next ? `下一里程碑：${next.title}（${next.dueOn}）` : '暂无待完成的里程碑'}
        </Typography.Text>
      </Space>
    </Card>
  );
}
