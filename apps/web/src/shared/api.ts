import type { components } from '../openapi';

/**
 * A small typed client for the PilotLink API (/api, OpenAPI at /api/docs-json). Requests and responses are
 * typed from the OpenAPI document (`Schema<'DemandResponseDto'>`, `RequestBody<'CreateProgramDto'>`,
 * generated into openapi.d.ts; a test fails when the document and the file drift apart): the caller names
 * the schema the route declares, `api<Schema<'DemandPageDto'>>('/demands')`.
 */

/** A schema of the API's OpenAPI document: a request body or a response. */
export type Schema<K extends keyof components['schemas']> = components['schemas'][K];

/** The paginated envelopes of the document (`{ items, total, page, limit }`): `DemandPageDto` … */
export type PageSchema = {
  [K in keyof components['schemas']]: K extends `${string}PageDto` ? K : never;
}[keyof components['schemas']];

/** A request body as the API's OpenAPI document defines it. */
export type RequestBody<K extends keyof components['schemas']> = Schema<K>;

/** One entry of a VALIDATION_FAILED envelope's `details.fields` (the document types `details` as a free map). */
export interface FieldError {
  field: string;
  errors: string[];
}

/** The error envelope every API error answers with. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: { fields?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
  }
}

/** What POST /auth/login (and /auth/register) answer, kept in localStorage; a refresh renews its tokens. */
export type Session = Schema<'SessionResponseDto'>;

export type OrgKind = Schema<'OrgResponseDto'>['kind'];

const STORAGE_KEY = 'pilotlink.session';
let session: Session | null = readSession();
const listeners = new Set<(s: Session | null) => void>();

function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return session;
}

export function setSession(next: Session | null): void {
  session = next;
  if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener(next));
}

export function onSession(listener: (s: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A request's query string, by parameter; empty values are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Query;
  form?: FormData;
  idempotent?: boolean;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotent) headers['Idempotency-Key'] = `web-${crypto.randomUUID()}`;
  return fetch(buildUrl(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body: options.form ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
}

let refreshing: Promise<boolean> | null = null;

async function refresh(): Promise<boolean> {
  const current = session;
  if (!current) return false;
  refreshing ??= (async () => {
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
    if (!res.ok) {
      setSession(null);
      return false;
    }
    const body = (await res.json()) as Schema<'TokenResponseDto'>;
    setSession({ ...current, ...body });
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let res = await send(path, options, session?.accessToken);
  if (res.status === 401 && session && (await refresh())) {
    res = await send(path, options, session?.accessToken);
  }
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    // Partial: a proxy's or the dev server's error page is no envelope.
    const envelope = (body ?? {}) as Partial<Schema<'ErrorResponseDto'>>;
    throw new ApiError(
      envelope.statusCode ?? res.status,
      envelope.code ?? 'UNKNOWN',
      envelope.message ?? res.statusText,
      envelope.details ?? {},
    );
  }
  return body as T;
}

/** Bytes received so far, and the size announced by Content-Length (null when unknown). */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/**
 * A download carrying the token (reports): the response is read as a stream, reporting progress per
 * chunk, then saved as a blob under `filename`. An API error answers its envelope's code.
 */
export async function download(
  path: string,
  query: RequestOptions['query'],
  filename: string,
  onProgress: (progress: DownloadProgress) => void = () => undefined,
): Promise<void> {
  let res = await send(path, { query }, session?.accessToken);
  if (res.status === 401 && session && (await refresh())) res = await send(path, { query }, session?.accessToken);
  if (!res.ok) {
    const envelope = (await res.json().catch(() => ({}))) as Partial<Schema<'ErrorResponseDto'>>;
    throw new ApiError(res.status, envelope.code ?? 'DOWNLOAD_FAILED', envelope.message ?? res.statusText);
  }
  const announced = Number(res.headers.get('Content-Length'));
  const total = Number.isFinite(announced) && announced > 0 ? announced : null;
  const chunks: BlobPart[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      // A compressed response grows past its Content-Length once decoded: the total is then unknown.
      onProgress({ received, total: total !== null && received <= total ? total : null });
    }
  } else {
    const blob = await res.blob();
    chunks.push(blob);
    onProgress({ received: blob.size, total: blob.size });
  }
  const blob = new Blob(chunks, { type: res.headers.get('Content-Type') ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // Revoked a moment later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Pages listItems reads at most (100 rows each): a runaway total cannot loop forever. */
const LIST_ALL_MAX_PAGES = 50;

/**
 * Every row of a paged list, read page by page (100 rows each) up to the server's total — for pickers and
 * look-ups that need the whole list (a table shows one page at a time through usePagedLoad):
 * `listItems<'RecognitionPageDto'>('/platforms/…/recognitions')`.
 */
export async function listItems<K extends PageSchema>(path: string, query: Query = {}): Promise<Schema<K>['items']> {
  const rows: unknown[] = [];
  for (let page = 1; page <= LIST_ALL_MAX_PAGES; page += 1) {
    const envelope = await api<Schema<K>>(path, { query: { ...query, page, limit: 100 } });
    const items: readonly unknown[] = envelope.items;
    rows.push(...items);
    if (items.length === 0 || rows.length >= envelope.total) break;
  }
  return rows as Schema<K>['items'];
}
