import { describe, expect, it } from 'vitest';
import { ownUrl } from './own-url.js';

describe('ownUrl', () => {
  it("takes the form's own file links by path, whatever host the server's public URL names", () => {
    const signed = '/v1/files/ab12?type=image%2Fpng&expires=1&signature=cd';
    expect(ownUrl(`http://localhost:8080${signed}`)).toBe(signed);
    expect(ownUrl(`https://kyb.example.com${signed}`)).toBe(signed);
    expect(ownUrl(signed)).toBe(signed);
  });

  it('leaves any other link as it is', () => {
    for (const url of ['https://cdn.example.com/logo.png', 'https://example.com/v1/filesx/a', 'blob:http://localhost/1', 'data:image/png;base64,AA'])
      expect(ownUrl(url)).toBe(url);
  });
});
