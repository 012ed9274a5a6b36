import { DomainError } from '@pilotlink/core';
import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';

/** Where a webhook may go: the settings that decide it. */
export interface WebhookUrlPolicy {
  /** Production: https only. */
  httpsOnly: boolean;
  /** Tests only (production refuses the variable): `host` or `host:port` let through although private. */
  allowedHosts: ReadonlySet<string>;
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

let resolver: Resolver = systemResolver;

/** Tests swap the resolver to play DNS rebinding (a name public at save time, loopback at delivery). */
export function setWebhookResolver(next: Resolver | null): void {
  resolver = next ?? systemResolver;
}

export function webhookUrlPolicy(env: { NODE_ENV: string; WEBHOOK_ALLOWED_HOSTS?: string }): WebhookUrlPolicy {
  const allowed = (env.WEBHOOK_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return { httpsOnly: env.NODE_ENV === 'production', allowedHosts: new Set(allowed) };
}

export function forbidden(reason: string): DomainError {
  return new DomainError('WEBHOOK_URL_FORBIDDEN', `The webhook URL is not allowed: ${reason}`, {
    fields: [{ field: 'url', errors: [reason] }],
  });
}

/**
 * Only public unicast addresses: no loopback, private (RFC 1918, fc00::/7), link-local (169.254/16 —
 * the cloud metadata service — and fe80::/10), CGNAT, multicast, unspecified, reserved, or IPv6 forms
 * embedding an IPv4 address (mapped ::ffff:a.b.c.d is judged by its IPv4 address; NAT64, 6to4 and
 * Teredo are refused). ipaddr.js names the range.
 */
export function publicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

function allowedByList(url: URL, policy: WebhookUrlPolicy): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return policy.allowedHosts.has(host) || policy.allowedHosts.has(`${host}:${port}`);
}

/** The host without IPv6 brackets (URL keeps them: `[::1]`). */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Save-time check: the URL parses (WHATWG, which also turns `0x7f000001` or `2130706433` into
 * 127.0.0.1), has the right scheme, and its host is, or resolves only to, public addresses.
 * Delivery checks again, on the address actually connected to (`safeLookup`).
 */
export async function assertWebhookUrlAllowed(raw: string, policy: WebhookUrlPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw forbidden('not a URL');
  }
  if (url.protocol !== 'https:' && (policy.httpsOnly || url.protocol !== 'http:')) {
    throw forbidden(policy.httpsOnly ? 'https only' : 'http(s) only');
  }
  if (url.username || url.password) throw forbidden('credentials in the URL');
  if (allowedByList(url, policy)) return url;
  const host = bareHost(url);
  if (isIP(host)) {
    if (!publicAddress(host)) throw forbidden('private, loopback or link-local address');
    return url;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolver(host);
  } catch {
    throw forbidden('the host name does not resolve');
  }
  if (!addresses.length || addresses.some((a) => !publicAddress(a.address))) {
    throw forbidden('the host name resolves to a private, loopback or link-local address');
  }
  return url;
}

/**
 * `lookup` for http(s).request: resolves (through the current resolver) and refuses to connect to a
 * non-public address, so the address checked is the one connected to (no DNS-rebinding window).
 */
export function safeLookup(policy: WebhookUrlPolicy, url: URL) {
  const allowAny = allowedByList(url, policy);
  return (
    hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    resolver(hostname).then(
      (addresses) => {
        const usable = addresses.filter((a) => allowAny || publicAddress(a.address));
        if (!usable.length) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} resolves to a forbidden address`);
          error.code = 'WEBHOOK_ADDRESS_FORBIDDEN';
          callback(error, '', 0);
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * POSTs to a webhook URL through `safeLookup` (an IP-literal host is checked here, since Node does not
 * call `lookup` for one). No redirects are followed. Answers the HTTP status; a refused address,
 * a network error or the timeout reject.
 */
export function postToWebhook(
  raw: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
  policy: WebhookUrlPolicy,
): Promise<number> {
  const url = new URL(raw);
  const host = bareHost(url);
  if (url.protocol !== 'https:' && (policy.httpsOnly || url.protocol !== 'http:')) {
    return Promise.reject(Object.assign(new Error('scheme not allowed'), { code: 'WEBHOOK_ADDRESS_FORBIDDEN' }));
  }
  if (isIP(host) && !allowedByList(url, policy) && !publicAddress(host)) {
    return Promise.reject(Object.assign(new Error(`${host} is forbidden`), { code: 'WEBHOOK_ADDRESS_FORBIDDEN' }));
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...init.headers, 'content-length': Buffer.byteLength(init.body).toString() },
        lookup: safeLookup(policy, url),
        signal: AbortSignal.timeout(init.timeoutMs),
      },
      (res) => {
        res.resume(); // the body is not read, only drained
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
