import { useEffect, useState } from 'react';
import { api, Schema } from '../../shared/api';
import { useLoad } from '../../shared/useLoad';

/**
 * The operator's own platforms and the one a declaration form is about (the first, until another is
 * picked) — shared by the equipment and the revenue declarations.
 */
export function useMyPlatform() {
  const platforms = useLoad(
    () => api<Schema<'PlatformPageDto'>>('/platforms', { query: { mine: true, limit: 50 } }),
    [],
  );
  const [id, setId] = useState<string>();
  useEffect(() => {
    if (!id && platforms.data?.items.length) setId(platforms.data.items[0].id);
  }, [platforms.data, id]);
  return { platforms, id, setId };
}
