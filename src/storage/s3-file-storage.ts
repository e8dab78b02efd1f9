import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { FILE_HASH, type FileStorage } from './file-storage.js';
import { EMPTY_SHA256, sha256Hex, signV4, type SigV4Credentials } from './sigv4.js';

export interface S3Settings {
  bucket: string;
  region: string;
  /** The service's base URL; null: AWS (`https://s3.<region>.amazonaws.com`). */
  endpoint: string | null;
  accessKeyId: string;
  secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint host>/<key>` (MinIO, most self-hosted stores). */
  pathStyle: boolean;
}

/** Where the files live in the bucket: `files/<hash>`; the write probe uses `health/`, which no listing reads. */
const PREFIX = 'files/';

/**
 * Files as objects of an S3-compatible bucket, each request signed with AWS Signature V4
 * (sigv4.ts). An object appears whole or not at all, so there are no temp files to sweep. Storing
 * a hash again copies the object onto itself, which moves its Last-Modified (the sweep's grace
 * period, as LocalFileStorage's utimes does) and keeps its first bytes.
 */
export class S3FileStorage implements FileStorage {
  private readonly credentials: SigV4Credentials;

  constructor(
    private readonly settings: S3Settings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.credentials = { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: 's3' };
  }

  async put(hash: string, bytes: Buffer): Promise<void> {
    const key = keyOf(hash);
    if (await this.exists(hash)) {
      const copy = new Map([
        ['x-amz-copy-source', `/${this.settings.bucket}/${key}`],
        ['x-amz-metadata-directive', 'REPLACE'],
      ]);
      await this.expectOk(await this.send('PUT', key, { headers: copy }), 'copy');
      return;
    }
    await this.expectOk(await this.send('PUT', key, { body: bytes }), 'put');
  }

  async read(hash: string): Promise<Readable | null> {
    const response = await this.send('GET', keyOf(hash));
    if (response.status === 404) return discard(response, null);
    await this.expectOk(response, 'get', false);
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async remove(hash: string): Promise<void> {
    const response = await this.send('DELETE', keyOf(hash));
    if (response.status !== 404) await this.expectOk(response, 'delete');
    else await response.arrayBuffer();
  }

  async exists(hash: string): Promise<boolean> {
    return (await this.lastModified(keyOf(hash))) !== null;
  }

  async probeWrite(): Promise<void> {
    const key = `health/${randomUUID()}`;
    await this.expectOk(await this.send('PUT', key, { body: Buffer.from('ok') }), 'probe');
    await this.expectOk(await this.send('DELETE', key), 'probe delete');
  }

  async sweepTemp(): Promise<number> {
    return 0;
  }

  async listOlderThan(cutoffMs: number): Promise<string[]> {
    const hashes: string[] = [];
    let token: string | null = null;
    do {
      const query = new URLSearchParams({ 'list-type': '2', prefix: PREFIX });
      if (token) query.set('continuation-token', token);
      const response = await this.send('GET', '', { query });
      await this.expectOk(response, 'list', false);
      const xml = await response.text();
      for (const [, entry] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const hash = xmlText(entry!, 'Key')?.slice(PREFIX.length) ?? '';
        const modified = Date.parse(xmlText(entry!, 'LastModified') ?? '');
        if (FILE_HASH.test(hash) && modified < cutoffMs) hashes.push(hash);
      }
      token = xmlText(xml, 'IsTruncated') === 'true' ? xmlText(xml, 'NextContinuationToken') : null;
    } while (token);
    return hashes;
  }

  /** Like the local store's, a re-store landing between the check and the delete is not seen. */
  async removeIfOlderThan(hash: string, cutoffMs: number): Promise<boolean> {
    const modified = await this.lastModified(keyOf(hash));
    if (modified === null || modified >= cutoffMs) return false;
    await this.remove(hash);
    return true;
  }

  private async lastModified(key: string): Promise<number | null> {
    const response = await this.send('HEAD', key);
    if (response.status === 404) return null;
    await this.expectOk(response, 'head');
    return Date.parse(response.headers.get('last-modified') ?? '');
  }

  private url(key: string): URL {
    const { bucket, region, endpoint, pathStyle } = this.settings;
    const base = new URL(endpoint ?? `https://s3.${region}.amazonaws.com`);
    const path = `/${key.split('/').map(encodeURIComponent).join('/')}`;
    if (pathStyle) return new URL(`${base.pathname.replace(/\/+$/, '')}/${encodeURIComponent(bucket)}${path}`, base);
    base.hostname = `${bucket}.${base.hostname}`;
    return new URL(path, base);
  }

  private send(method: string, key: string, options: { body?: Buffer; headers?: Map<string, string>; query?: URLSearchParams } = {}): Promise<Response> {
    const url = this.url(key);
    if (options.query) url.search = options.query.toString();
    const signed = signV4(
      { method, url, headers: new Map(options.headers), payloadHash: options.body ? sha256Hex(options.body) : EMPTY_SHA256 },
      this.credentials,
      this.now(),
    );
    signed.delete('host');
    return fetch(url, {
      method,
      headers: Object.fromEntries(signed),
      body: options.body ? new Uint8Array(options.body) : undefined,
      signal: AbortSignal.timeout(60_000),
    });
  }

  /** Throws on anything but 2xx, naming the operation and status only (the body may echo keys and is not logged). */
  private async expectOk(response: Response, operation: string, drain = true): Promise<void> {
    if (response.ok) {
      if (drain) await response.arrayBuffer();
      return;
    }
    await response.arrayBuffer().catch(() => undefined);
    throw new Error(`S3 ${operation} failed with status ${response.status}`);
  }
}

function keyOf(hash: string): string {
  if (!FILE_HASH.test(hash)) throw new Error('not a file hash');
  return `${PREFIX}${hash}`;
}

async function discard<T>(response: Response, value: T): Promise<T> {
  await response.arrayBuffer().catch(() => undefined);
  return value;
}

const ENTITIES = new Map([
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&apos;', "'"],
]);

/** The text of the first `<tag>` in `xml`, entities decoded; enough for ListObjectsV2's flat answer. */
function xmlText(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match ? match[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES.get(entity)!) : null;
}
