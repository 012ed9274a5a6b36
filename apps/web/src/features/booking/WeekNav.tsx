import { Button, Space, Typography } from 'antd';
import { addDays, chinaDay, mondayOf } from './schedule';

/** Week navigation: this week, the one before and after (China weeks, Monday first). */
export function WeekNav({ monday, onChange }: { monday: string; onChange: (monday: string) => void }) {
  const thisWeek = mondayOf(chinaDay(Date.now()));
  const [, m1, d1] = monday.split('-');
  const [, m2, d2] = addDays(monday, 6).split('-');
  return (
    <Space wrap size={4} data-testid="week-nav">
      <Button size="small" onClick={() => onChange(addDays(monday, -7))}>
        上一周
      </Button>
      <Button size="small" disabled={monday === thisWeek} onClick={() => onChange(thisWeek)}>
        本周
      </Button>
      <Button size="small" onClick={() => onChange(addDays(monday, 7))}>
        下一周
      </Button>
      <Typography.Text strong data-testid="week-range">
        {`${Number(m1)}月${Number(d1)}日 – ${Number(m2)}月${Number(d2)}日`}
      </Typography.Text>
    </Space>
  );
}
