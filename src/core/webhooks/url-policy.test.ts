import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, restrictedKind } from './url-policy.js';

describe('webhook URL policy (SSRF guard)', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'], ['::1', 'loopback'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'],
    ['100.64.0.1', 'shared (CGNAT)'], ['0.0.0.0', 'unspecified'], ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast'], ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:a9fe:a9fe', 'link-local'], ['64:ff9b::10.0.0.1', 'private'], ['64:ff9b::a00:1', 'private'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(restrictedKind(address)).toBe(kind);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '64:ff9b::808:808'])('accepts the public address %s', (address) => {
    expect(restrictedKind(address)).toBeNull();
  });

  it('refuses URLs whose host resolves to a restricted address, including through any of several addresses', async () => {
    const lookupAll = async (host: string) => host === 'mixed.example'
      ? [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }]
      : [{ address: '93.184.216.34', family: 4 }];
    expect(await checkWebhookUrl('https://mixed.example/hook', { allowPrivate: false, lookupAll })).toMatch(/10\.0\.0\.7 \(private\)/);
    expect(await checkWebhookUrl('https://public.example/hook', { allowPrivate: false, lookupAll })).toBeNull();
    expect(await checkWebhookUrl('http://localhost:8080/hook', { allowPrivate: false })).toMatch(/loopback/);
  });

  it('normalises numeric host forms before checking them', async () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://[::ffff:7f00:1]/', 'http://[::1]:9/']) {
      expect(await checkWebhookUrl(url, { allowPrivate: false }), url).toMatch(/loopback/);
    }
  });

  it('accepts only http and https without credentials, whatever the switch says', async () => {
    for (const allowPrivate of [false, true]) {
      expect(await checkWebhookUrl('ftp://93.184.216.34/', { allowPrivate })).toMatch(/http or https/);
      expect(await checkWebhookUrl('https://user:pw@93.184.216.34/', { allowPrivate })).toMatch(/credentials/);
    }
    expect(await checkWebhookUrl('http://127.0.0.1:9/hook', { allowPrivate: true })).toBeNull();
  });
});
