import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, restrictedKind } from './url-policy.js';

describe('webhook URL policy (SSRF guard)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fec0::1', 'site-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2001:2::1', 'benchmarking'],
    ['100::1', 'discard-only'],
    // IPv4 inside IPv6: mapped addresses are judged by their IPv4 address...
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    // ...and every other embedding or tunnel is refused whatever it carries.
    ['::127.0.0.1', 'IPv4-compatible'],
    ['::7f00:1', 'IPv4-compatible'],
    ['::a00:1', 'IPv4-compatible'],
    ['::8.8.8.8', 'IPv4-compatible'],
    ['::ffff:0:127.0.0.1', 'IPv4-translated'],
    ['::ffff:0:808:808', 'IPv4-translated'],
    ['64:ff9b::10.0.0.1', 'NAT64'],
    ['64:ff9b::a00:1', 'NAT64'],
    ['64:ff9b::808:808', 'NAT64'],
    ['64:ff9b:1::a00:1', 'NAT64'],
    ['2002:7f00:1::', '6to4'],
    ['2002:808:808::1', '6to4'],
    ['2001::1', 'Teredo'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(restrictedKind(address)).toBe(kind);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '192.169.0.1',
    '11.0.0.1',
    '223.255.255.254',
    '2606:4700:4700::1111',
    '2a00:1450:4001:82a::200e',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
  ])('accepts the public address %s', (address) => {
    expect(restrictedKind(address)).toBeNull();
  });

  it('refuses URLs whose host resolves to a restricted address, including through any of several addresses', async () => {
    const lookupAll = async (host: string) =>
      host === 'mixed.example'
        ? [
            { address: '93.184.216.34', family: 4 },
            { address: '10.0.0.7', family: 4 },
          ]
        : [{ address: '93.184.216.34', family: 4 }];
    expect(await checkWebhookUrl('https://mixed.example/hook', { allowPrivate: false, lookupAll })).toMatch(/10\.0\.0\.7 \(private\)/);
    expect(await checkWebhookUrl('https://public.example/hook', { allowPrivate: false, lookupAll })).toBeNull();
    expect(await checkWebhookUrl('http://localhost:8080/hook', { allowPrivate: false })).toMatch(/loopback/);
  });

  it('normalises numeric host forms before checking them', async () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://[::ffff:7f00:1]/', 'http://[::1]:9/']) {
      expect(await checkWebhookUrl(url, { allowPrivate: false }), url).toMatch(/loopback/);
    }
    for (const url of [
      'http://[::127.0.0.1]/',
      'http://[::ffff:0:127.0.0.1]/',
      'http://[::a00:1]/',
      'http://[64:ff9b::127.0.0.1]/',
      'http://[64:ff9b:1::a00:1]/',
      'http://[2002:7f00:1::]/',
      'http://[2001::1]/',
    ]) {
      expect(await checkWebhookUrl(url, { allowPrivate: false }), url).toMatch(/where webhooks may not be sent/);
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
