import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { S3Settings } from '../src/storage/s3-file-storage.js';

interface StoredObject {
  bytes: Buffer;
  lastModified: number;
}

/**
 * A small S3-compatible server on 127.0.0.1 for tests: one path-style bucket held in memory,
 * PUT (and PUT with x-amz-copy-source), GET, HEAD, DELETE and ListObjectsV2 (pages of `pageSize`).
 * Every request must carry a SigV4 Authorization header for `accessKeyId`, and a PUT's
 * x-amz-content-sha256 must be the SHA-256 of its body; anything else is refused with 403 / 400,
 * and counted in `refused`.
 */
export async function startS3Server(options: { bucket?: string; accessKeyId?: string; pageSize?: number } = {}) {
  const bucket = options.bucket ?? 'documents';
  const accessKeyId = options.accessKeyId ?? 'TESTKEYID';
  const pageSize = options.pageSize ?? 1000;
  const objects = new Map<string, StoredObject>();
  const requests: string[] = [];
  let refused = 0;

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const [, urlBucket, ...rest] = url.pathname.split('/');
      const key = rest.map(decodeURIComponent).join('/');
      requests.push(`${request.method} ${key}`);
      const refuse = (status: number, code: string) => {
        refused += 1;
        response.writeHead(status, { 'content-type': 'application/xml' }).end(`<Error><Code>${code}</Code></Error>`);
      };
      const authorization = request.headers.authorization ?? '';
      if (
        !new RegExp(`^AWS4-HMAC-SHA256 Credential=${accessKeyId}/\\d{8}/[\\w-]+/s3/aws4_request, SignedHeaders=[\\w;-]+, Signature=[0-9a-f]{64}$`).test(
          authorization,
        )
      ) {
        return refuse(403, 'AccessDenied');
      }
      const signedHeaders = /SignedHeaders=([\w;-]+)/.exec(authorization)![1]!.split(';');
      if (!['host', 'x-amz-date', 'x-amz-content-sha256'].every((name) => signedHeaders.includes(name))) return refuse(403, 'AccessDenied');
      if (request.headers['x-amz-content-sha256'] !== createHash('sha256').update(body).digest('hex')) return refuse(400, 'XAmzContentSHA256Mismatch');
      if (urlBucket !== bucket) return refuse(404, 'NoSuchBucket');

      if (request.method === 'GET' && key === '' && url.searchParams.get('list-type') === '2') {
        const prefix = url.searchParams.get('prefix') ?? '';
        const after = url.searchParams.get('continuation-token') ?? '';
        const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
        const page = keys.slice(0, pageSize);
        const truncated = keys.length > page.length;
        const contents = page
          .map((k) => `<Contents><Key>${k}</Key><LastModified>${new Date(objects.get(k)!.lastModified).toISOString()}</LastModified></Contents>`)
          .join('');
        const next = truncated ? `<NextContinuationToken>${page.at(-1)}</NextContinuationToken>` : '';
        return response
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`,
          );
      }
      const found = objects.get(key);
      switch (request.method) {
        case 'PUT': {
          const source = request.headers['x-amz-copy-source'];
          if (typeof source === 'string') {
            const from = objects.get(source.replace(`/${bucket}/`, ''));
            if (!from) return refuse(404, 'NoSuchKey');
            objects.set(key, { bytes: from.bytes, lastModified: Date.now() });
            return response.writeHead(200).end('<CopyObjectResult></CopyObjectResult>');
          }
          objects.set(key, { bytes: body, lastModified: Date.now() });
          return response.writeHead(200).end();
        }
        case 'GET':
        case 'HEAD':
          if (!found) return response.writeHead(404).end(request.method === 'GET' ? '<Error><Code>NoSuchKey</Code></Error>' : undefined);
          return response
            .writeHead(200, { 'content-length': found.bytes.length, 'last-modified': new Date(found.lastModified).toUTCString() })
            .end(request.method === 'GET' ? found.bytes : undefined);
        case 'DELETE':
          objects.delete(key);
          return response.writeHead(204).end();
        default:
          return refuse(405, 'MethodNotAllowed');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settings: S3Settings = { bucket, region: 'us-east-1', endpoint, accessKeyId, secretAccessKey: 'test-secret-access-key', pathStyle: true };
  return {
    settings,
    objects,
    requests,
    get refused() {
      return refused;
    },
    /** Makes an object look last written `ageMs` ago (S3 has no utimes). */
    backdate(key: string, ageMs: number) {
      objects.get(key)!.lastModified = Date.now() - ageMs;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
