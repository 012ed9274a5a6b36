import { Drawer, Tabs } from 'antd';
import type { Schema } from '../../shared/api';
import { Subsidies } from './Subsidies';
import { Evaluation } from './Evaluation';
import { RevenueReview } from './RevenueReview';
import { PlatformItem } from './PlatformsReview';
import { Recognitions } from './Recognitions';

export type Recognition = Schema<'RecognitionResponseDto'>;

export function PlatformGovernance({
  platform,
  onClose,
  onChanged,
}: {
  platform: PlatformItem;
  onClose: () => void;
  onChanged: () => void;
}) {
  return (
    <Drawer open title={platform.name} width={Math.min(860, window.innerWidth)} onClose={onClose} destroyOnClose>
      <Tabs
        items={[
          { key: 'rec', label: '认定申请', children: <Recognitions platformId={platform.id} /> },
          { key: 'eval', label: '年度评价', children: <Evaluation platformId={platform.id} onChanged={onChanged} /> },
          { key: 'rev', label: '收入申报', children: <RevenueReview platformId={platform.id} /> },
          { key: 'sub', label: '补贴测算', children: <Subsidies platformId={platform.id} /> },
        ]}
      />
    </Drawer>
  );
}
