import { createHash, createHmac } from 'node:crypto';

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** `s3` for object stores. */
  service: string;
}

export interface SignableRequest {
  method: string;
  url: URL;
  /** Lower-case names; `host`, `x-amz-date` and `x-amz-content-sha256` are added. */
  headers: Map<string, string>;
  /** Hex SHA-256 of the body (of the empty string when there is none). */
  payloadHash: string;
}

export const EMPTY_SHA256 = sha256Hex('');

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, `/` kept in paths. */
function uriEncode(value: string, keepSlash: boolean): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(keepSlash ? /%2F/g : /$^/, '/');
}

/**
 * AWS Signature Version 4 in a header (docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html):
 * the headers to send with `request`, Authorization included. The handful of lines this takes
 * on node:crypto stand in for a signing library; sigv4.test.ts checks them against AWS's own
 * worked example.
 */
export function signV4(request: SignableRequest, credentials: SigV4Credentials, at: Date): Map<string, string> {
  const amzDate = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers = new Map(request.headers);
  headers.set('host', request.url.host);
  headers.set('x-amz-date', amzDate);
  headers.set('x-amz-content-sha256', request.payloadHash);
  const names = [...headers.keys()].sort();
  const query = [...request.url.searchParams]
    .map(([key, value]) => [uriEncode(key, false), uriEncode(value, false)])
    .sort(([a, x], [b, y]) => (a! < b! ? -1 : a! > b! ? 1 : x! < y! ? -1 : x! > y! ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const canonical = [
    request.method,
    uriEncode(decodeURIComponent(request.url.pathname), true),
    query,
    names.map((name) => `${name}:${headers.get(name)!.trim().replace(/\s+/g, ' ')}\n`).join(''),
    names.join(';'),
    request.payloadHash,
  ].join('\n');
  const scope = `${day}/${credentials.region}/${credentials.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), credentials.region), credentials.service), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  headers.set('authorization', `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`);
  return headers;
}
