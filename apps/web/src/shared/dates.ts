import dayjs from 'dayjs';

export const time = (iso?: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');
export const today = () => new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
