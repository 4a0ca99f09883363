import { type CallInput, type Endpoint, type ErrorBody, fillPath, type ResultOf } from '../../contracts/index.js';

export type FieldDetail = { field: string; message: string };

/** Any non-2xx answer from the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldDetail[];
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details: FieldDetail[] = [], requestId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

let onUnauthorized: (() => void) | null = null;
/** Called when any request answers 401 (the app sends the person to sign in). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** A list repeats the parameter (`tag=a&tag=b`), which is how the API takes several values. */
type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      for (const v of value) if (v !== '') params.append(key, v);
    } else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send<T>(method: Method, url: string, body?: unknown, signal?: AbortSignal, extra?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extra };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-CSRF-Token'] = readCookie('lyceum_csrf') ?? '';
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', 'Lyceum could not be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const error = (data as Partial<ErrorBody> | null)?.error;
    if (res.status === 401) onUnauthorized?.();
    throw new ApiError(
      res.status,
      error?.code ?? `http_${res.status}`,
      error?.message ?? `The server answered ${res.status} ${res.statusText}. Try again in a moment.`,
      error?.details ?? [],
      error?.requestId ?? null,
    );
  }
  return data as T;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Extras such as `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/**
 * Calls an endpoint of `src/contracts`: the path, the method and the types of what goes in and
 * comes back are the contract's, the same the server registered its route from.
 */
export function call<E extends Endpoint>(endpoint: E, input: CallInput<E>, options: CallOptions = {}): Promise<ResultOf<E>> {
  const { params, query, body } = input as { params?: Record<string, unknown>; query?: Query; body?: unknown };
  const url = withQuery(fillPath(endpoint.path, params), query);
  return send<ResultOf<E>>(endpoint.method, url, endpoint.method === 'GET' ? undefined : (body ?? {}), options.signal, options.headers);
}

export type Page<T> = { items: T[]; nextCursor: string | null };
