import { Button, Descriptions, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../../shared/api';
import { useAction, useDialogClose } from '../../shared/actions';
import { today } from '../../shared/dates';
import { label, options } from '../../shared/labels';
import { KEY_PROJECT_STAGE, KEY_PROJECT_STATUS, KEY_PROJECT_SUBJECT } from '../../shared/labels/governance';
import { KeyProjectMilestoneModal } from './KeyProjectMilestoneModal';
import { KeyProjectMilestones } from './KeyProjectMilestones';
import { ReasonModal } from './ReasonModal';
import { useBureauOfficers } from './useBureauOfficers';

type KeyProject = Schema<'KeyProjectResponseDto'>;

const STAGES = Object.keys(KEY_PROJECT_STAGE);

/** Bureau: one key project — move its stage forward, hand it to another officer, milestones, close it. */
export function KeyProjectDetail({ project, onClose }: { project: KeyProject; onClose: (changed: boolean) => void }) {
  const [current, setCurrent] = useState(project);
  const [changed, setChanged] = useState(false);
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState(false);
  const officers = useBureauOfficers();
  const act = useAction();
  const closeWith = useDialogClose();
  const active = current.status === 'ACTIVE';

  const save = async (work: () => Promise<KeyProject>, done: string) => {
    let next: KeyProject | undefined;
    if (await act(async () => (next = await work()), done)) {
      setCurrent(next!);
      setChanged(true);
    }
  };
  const reload = () => save(() => api<KeyProject>(`/key-projects/${current.id}`), '');
  const patch = (body: Record<string, string>, done: string) =>
    save(() => api<KeyProject>(`/key-projects/${current.id}`, { method: 'PATCH', body }), done);
  const markDone = (mid: string) =>
    save(
      () =>
        api<KeyProject>(`/key-projects/${current.id}/milestones/${mid}`, {
          method: 'PATCH',
          body: { doneOn: today() },
        }),
      '已标记完成',
    );

  return (
    <Modal
      open
      width={900}
      title={`重点项目 · ${current.subjectTitle}`}
      footer={null}
      onCancel={() => onClose(changed)}
      data-testid="key-project-detail"
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="对象">
          <Tag>{label(KEY_PROJECT_SUBJECT, current.subjectType)}</Tag>
          {current.subjectTitle}
        </Descriptions.Item>
        <Descriptions.Item label="状态">{label(KEY_PROJECT_STATUS, current.status)}</Descriptions.Item>
        <Descriptions.Item label="当前阶段">
          <Select
            aria-label="当前阶段"
            size="small"
            style={{ width: 140 }}
            disabled={!active}
            value={current.stage}
            options={options(KEY_PROJECT_STAGE).map((o) => ({
              ...o,
              disabled: STAGES.indexOf(o.value) < STAGES.indexOf(current.stage),
            }))}
            onChange={(stage) => patch({ stage }, `已进入${label(KEY_PROJECT_STAGE, stage)}阶段`)}
          />
        </Descriptions.Item>
        <Descriptions.Item label="跟踪人">
          <Select
            aria-label="跟踪人"
            size="small"
            style={{ width: 160 }}
            disabled={!active}
            value={current.officer.id}
            loading={officers.loading}
            options={
              officers.options.some((o) => o.value === current.officer.id)
                ? officers.options
                : [...officers.options, { value: current.officer.id, label: current.officer.displayName }]
            }
            onChange={(officerUserId) => patch({ officerUserId }, '已更换跟踪人')}
          />
        </Descriptions.Item>
        <Descriptions.Item label="内部备注" span={2}>
          {current.note ?? '—'}
        </Descriptions.Item>
        {current.closeReason && (
          <Descriptions.Item label="结束原因" span={2}>
            {current.closeReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>
          里程碑
          {current.overdueCount > 0 && (
            <Tag color="red" style={{ marginLeft: 8 }}>{`逾期 ${current.overdueCount} 项`}</Tag>
          )}
        </Typography.Text>
        {active && (
          <Space>
            <Button size="small" type="primary" onClick={() => setAdding(true)}>
              添加里程碑
            </Button>
            <Button size="small" danger onClick={() => setClosing(true)}>
              结束跟踪
            </Button>
          </Space>
        )}
      </Space>
      <KeyProjectMilestones milestones={current.milestones} onDone={active ? (m) => markDone(m.id) : undefined} />
      {adding && (
        <KeyProjectMilestoneModal
          projectId={current.id}
          stage={current.stage}
          onClose={closeWith(() => setAdding(false), '已添加里程碑', reload)}
        />
      )}
      {closing && (
        <ReasonModal
          title="结束跟踪"
          path={`/key-projects/${current.id}/close`}
          onClose={closeWith(() => setClosing(false), '已结束跟踪', reload)}
        />
      )}
    </Modal>
  );
}
