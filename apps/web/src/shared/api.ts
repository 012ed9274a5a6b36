import type { components } from '../openapi';

/**
 * A small typed client for the PilotLink API (/api, OpenAPI at /api/docs-json). Request bodies are typed
 * from the OpenAPI document (`RequestBody<'CreateProgramDto'>`, generated into openapi.d.ts; a test fails
 * when the document and the file drift apart). Responses are typed by hand in api-types.ts against the DTOs of the
 * endpoints the portal uses (libs/*\/src/dto): most routes do not declare a response schema in the document.
 */

/** A schema of the API's OpenAPI document: a request body, or a response where the route declares one. */
export type Schema<K extends keyof components['schemas']> = components['schemas'][K];

/** A request body as the API's OpenAPI document defines it. */
export type RequestBody<K extends keyof components['schemas']> = Schema<K>;

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

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; displayName: string };
  org: { id: string; kind: OrgKind; name: string; verificationStatus?: string };
}

export type OrgKind = 'SME' | 'PLATFORM_OPERATOR' | 'BUREAU' | 'ADMIN' | 'INSTITUTE';

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

interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
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
    const body = (await res.json()) as Partial<Session>;
    setSession({ ...current, ...body } as Session);
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
    const envelope = (body ?? {}) as {
      statusCode?: number;
      code?: string;
      message?: string;
      details?: ApiError['details'];
    };
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
    const envelope = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
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

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  limit?: number;
}

/** The rows of a paged list, up to 100 (the per-platform lists — declarations, evaluations … — hold a few). */
export async function listItems<T>(path: string, query: RequestOptions['query'] = {}): Promise<T[]> {
  return (await api<Page<T>>(path, { query: { limit: 100, ...query } })).items;
}

/** The rows of a list answer, whether the route pages (`{ items }`) or answers a plain array. */
export function itemsOf<T>(data: T[] | { items?: T[] } | null | undefined): T[] {
  return Array.isArray(data) ? data : (data?.items ?? []);
}
