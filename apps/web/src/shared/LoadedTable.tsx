import { Alert, Empty, Table } from 'antd';
import type { TableProps } from 'antd';

interface Loaded {
  loading: boolean;
  error?: string;
}

/**
 * A compact table over what `useLoad` fetched: the load's error above it, its loading state, the rows,
 * and `empty` said when there are none. The portal's lists all look like this.
 */
export function LoadedTable<T extends object>({
  load,
  rows,
  empty,
  ...table
}: { load: Loaded; rows: readonly T[]; empty: string } & Omit<TableProps<T>, 'dataSource' | 'loading'>) {
  return (
    <>
      {load.error && <Alert type="error" message={load.error} />}
      <Table<T>
        rowKey="id"
        size="small"
        pagination={false}
        loading={load.loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={empty} /> }}
        {...table}
      />
    </>
  );
}
