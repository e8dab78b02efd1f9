import type { Harness, TestPartner } from './harness.js';

/** Small request helpers over app.inject, so tests read as the API calls they make. */
export function api(h: Harness) {
  const call = async (method: string, url: string, auth: string | null, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await h.app.inject({
      method: method as 'GET',
      url,
      headers: { ...(auth ? { authorization: auth } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = response.body;
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.statusCode, headers: response.headers, json, text };
  };
  return {
    call,
    createToken: (partner: TestPartner, body: unknown, headers?: Record<string, string>) => call('POST', '/kyb/tokens/', partner.auth, body, headers),
    info: (tokenString: string) => call('GET', '/kyb/info/', `Bearer ${tokenString}`),
  };
}

export const bearer = (token: string) => `Bearer ${token}`;
