import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhookRequest } from './send-request.js';

describe('webhook requests: the address guard at connection time', () => {
  let server: http.Server;
  let port = 0;
  let received = 0;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      received += 1;
      request.resume();
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (url: string, options: { allowPrivate: boolean; answer?: string }) =>
    sendWebhookRequest({
      url,
      headers: {},
      body: '{}',
      timeoutMs: 2000,
      allowPrivate: options.allowPrivate,
      lookupAll: async () => [{ address: options.answer ?? '127.0.0.1', family: (options.answer ?? '').includes(':') ? 6 : 4 }],
    });

  it.each([
    '::127.0.0.1',
    '::ffff:127.0.0.1',
    '::ffff:0:127.0.0.1',
    '::a00:1',
    '64:ff9b::7f00:1',
    '64:ff9b:1::a00:1',
    '2002:7f00:1::',
    '2001::1',
    '127.0.0.1',
    '::1',
  ])('refuses a host whose DNS answer is %s before connecting', async (answer) => {
    const before = received;
    const result = await send(`http://rebound.example:${port}/hook`, { allowPrivate: false, answer });
    expect(result).toMatchObject({ aborted: false, statusCode: null, error: expect.stringMatching(/^refused: the host points to /) });
    expect(received).toBe(before);
  });

  it.each(['[::127.0.0.1]', '[::ffff:0:127.0.0.1]', '[::a00:1]', '[64:ff9b::127.0.0.1]', '[2002:7f00:1::]', '[2001::1]'])(
    'refuses the literal host %s without connecting',
    async (host) => {
      const result = await send(`http://${host}:${port}/hook`, { allowPrivate: false });
      expect(result).toMatchObject({ aborted: false, statusCode: null, durationMs: 0, error: expect.stringMatching(/^refused: /) });
    },
  );

  it('reaches the same receiver when private addresses are allowed (the refusals above are the guard, not the network)', async () => {
    const before = received;
    expect(await send(`http://rebound.example:${port}/hook`, { allowPrivate: true })).toMatchObject({ statusCode: 200, error: null });
    expect(received).toBe(before + 1);
  });
});
