import { type LookupAddress, type LookupOptions, lookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch } from 'undici';
import type { AddressPolicy } from './address-policy.js';

/** Lyceum would not connect there: the message says where and why (it ends up on the Outbox page). */
export class OutboundRefused extends Error {
  override readonly name = 'OutboundRefused';
}

/** The request went out but did not succeed: no answer, a timeout, a redirect, a reset. */
export class OutboundFailed extends Error {
  override readonly name = 'OutboundFailed';
}

export interface OutboundRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Aborts the request before its own timeout (the outbox worker's deadline for a delivery). */
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  headers: Headers;
  /** At most `maxBodyBytes` of the body; the rest was never read. */
  body: Buffer;
  truncated: boolean;
  text(): string;
  /** The body as JSON, or undefined when it is not (or was cut). */
  json<T>(): T | undefined;
}

export interface OutboundOptions {
  policy: AddressPolicy;
  /** For the whole exchange: connecting, the answer's headers and the (capped) body. */
  timeoutMs: number;
  maxBodyBytes?: number;
}

/** The one way Lyceum makes HTTP requests to the outside (webhooks, Slack, anything later). */
export interface Outbound {
  request(url: string, init?: OutboundRequest): Promise<OutboundResponse>;
  /**
   * Why an address may not be saved, or undefined: its host is an IP literal Lyceum refuses.
   * Names are judged when delivering (what they resolve to may change).
   */
  refusedUrl(url: string): string | undefined;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const unbracket = (host: string) => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

/**
 * Resolves like dns.lookup, then keeps only the addresses the policy allows. The socket connects
 * to exactly what this returns, so there is no gap between checking and connecting that a DNS
 * answer with a short TTL could slip through (rebinding).
 */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const allowed = addresses.filter((a) => policy.refusal(a.address) === undefined);
      const first = addresses[0];
      if (allowed.length === 0 || !first) {
        const why = first ? `${first.address}, ${policy.refusal(first.address)}` : 'no address';
        return callback(new OutboundRefused(`refused: ${hostname} resolves to ${why}`), '', 0);
      }
      if (options.all) return callback(null, allowed);
      const [chosen] = allowed as [LookupAddress];
      callback(null, chosen.address, chosen.family);
    });
  };
}

/** Reads at most `limit` bytes of a body and drops the rest (a receiver cannot make Lyceum buffer gigabytes). */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<{ body: Buffer; truncated: boolean }> {
  if (!body) return { body: Buffer.alloc(0), truncated: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { body: Buffer.concat(chunks), truncated: false };
      chunks.push(value);
      size += value.byteLength;
      if (size > limit) return { body: Buffer.concat(chunks).subarray(0, limit), truncated: true };
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The most useful message out of undici's "fetch failed" and its causes. */
function explain(error: unknown, host: string, timeoutMs: number, signal?: AbortSignal): Error {
  if (signal?.aborted) return new OutboundFailed(`${host}: ${signal.reason instanceof Error ? signal.reason.message : 'aborted'}`);
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return new OutboundFailed(`${host} did not answer within ${timeoutMs} ms.`);
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause instanceof Error && !(cause instanceof OutboundRefused)) cause = cause.cause;
  if (cause instanceof OutboundRefused) return cause;
  return new OutboundFailed(`${host}: ${cause instanceof Error ? cause.message : String(cause)}`);
}

export function createOutbound({ policy, timeoutMs, maxBodyBytes = DEFAULT_MAX_BODY_BYTES }: OutboundOptions): Outbound {
  const connector = buildConnector({ timeout: timeoutMs, lookup: guardedLookup(policy) });
  const agent = new Agent({
    // Node does not call lookup for IP literals, so those are judged here before connecting.
    connect: (options, callback) => {
      const host = unbracket(options.hostname);
      const why = isIP(host) ? policy.refusal(host) : undefined;
      if (why) return callback(new OutboundRefused(`refused: ${host} is ${why}`), null);
      connector(options, callback);
    },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  return {
    async request(url, init = {}) {
      const host = new URL(url).host;
      let response: Awaited<ReturnType<typeof fetch>>;
      try {
        response = await fetch(url, {
          method: init.method ?? 'GET',
          headers: init.headers,
          body: init.body,
          dispatcher: agent,
          redirect: 'manual',
          signal: init.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), init.signal]) : AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw explain(error, host, timeoutMs, init.signal);
      }
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        throw new OutboundFailed(
          `${host} answered ${response.status}, a redirect${location ? ` to ${location.slice(0, 200)}` : ''}; redirects are not followed.`,
        );
      }
      let read: { body: Buffer; truncated: boolean };
      try {
        read = await readCapped(response.body as ReadableStream<Uint8Array> | null, maxBodyBytes);
      } catch (error) {
        throw explain(error, host, timeoutMs, init.signal);
      }
      const { body, truncated } = read;
      return {
        status: response.status,
        headers: response.headers as unknown as Headers,
        body,
        truncated,
        text: () => body.toString('utf8'),
        json<T>() {
          try {
            return truncated ? undefined : (JSON.parse(body.toString('utf8')) as T);
          } catch {
            return undefined;
          }
        },
      };
    },

    refusedUrl(url) {
      let host: string;
      try {
        host = unbracket(new URL(url).hostname);
      } catch {
        return 'not a valid address';
      }
      if (!isIP(host)) return undefined;
      const why = policy.refusal(host);
      return why && `${host} is ${why}`;
    },

    close: () => agent.close(),
  };
}
