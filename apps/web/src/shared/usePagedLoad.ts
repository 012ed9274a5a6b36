import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { api, PageSchema, Query, Schema } from './api';
import { useLoad } from './useLoad';

/** Rows per page of the portal's lists (the API answers up to 100). */
export const PAGE_SIZE = 20;

/** What usePagedLoad answers: useLoad's states, the page's rows, and the antd pagination the server's total drives. */
export interface PagedLoad<T> {
  data?: { items: T[]; total: number };
  rows: T[];
  total: number;
  loading: boolean;
  error?: string;
  reload: () => void;
  pagination: TablePaginationConfig | false;
}

/**
 * One page of a list endpoint's envelope (`{ items, total, page, limit }`) at a time: the page and its size
 * are the table's, the total the server's. A new path or query (a filter) starts again at page 1.
 * `usePagedLoad<'DemandPageDto'>('/demands', { status })`.
 */
export function usePagedLoad<K extends PageSchema>(
  path: string,
  query: Query = {},
  pageSize = PAGE_SIZE,
): PagedLoad<Schema<K>['items'][number]> {
  const key = JSON.stringify([path, query]);
  const [at, setAt] = useState({ key, page: 1, size: pageSize });
  const page = at.key === key ? at.page : 1;
  const size = at.size;
  const load = useLoad(() => api<Schema<K>>(path, { query: { ...query, page, limit: size } }), [key, page, size]);
  const total = load.data?.total ?? 0;
  return {
    ...load,
    rows: load.data?.items ?? [],
    total,
    pagination:
      total > size || page > 1
        ? {
            current: page,
            pageSize: size,
            total,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 条`,
            size: 'small',
            onChange: (next, nextSize) => setAt({ key, page: next, size: nextSize ?? size }),
          }
        : false,
  };
}
