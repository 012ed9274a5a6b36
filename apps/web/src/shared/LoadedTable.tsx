import { Alert, Empty, Grid, Table } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { ReactNode } from 'react';

interface Loaded {
  loading: boolean;
  error?: string;
  /** usePagedLoad's: the pages the server's total makes. */
  pagination?: TablePaginationConfig | false;
}

/**
 * A compact table over what `useLoad` (or, a page at a time, `usePagedLoad`) fetched: the load's error above
 * it, its loading state, the rows with the server's pages, and `empty` (what to do next) when there are
 * none. It scrolls sideways inside its card when its columns are wider than the screen (a phone). The
 * portal's lists all look like this.
 */
export function LoadedTable<T extends object>({
  load,
  rows,
  empty,
  emptyAction,
  scroll,
  ...table
}: { load: Loaded; rows: readonly T[]; empty: string; emptyAction?: ReactNode } & Omit<
  TableProps<T>,
  'dataSource' | 'loading'
>) {
  // On a phone the columns keep their width and the table scrolls sideways inside its card.
  const phone = Grid.useBreakpoint().md === false;
  return (
    <>
      {load.error && <Alert type="error" message={load.error} />}
      <Table<T>
        rowKey="id"
        size="small"
        pagination={load.pagination ?? false}
        loading={load.loading}
        dataSource={rows}
        scroll={scroll ?? (phone ? { x: 'max-content' } : undefined)}
        locale={{
          emptyText: (
            <Empty description={empty} data-testid="empty-hint">
              {emptyAction}
            </Empty>
          ),
        }}
        {...table}
      />
    </>
  );
}
