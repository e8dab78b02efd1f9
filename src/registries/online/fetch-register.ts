import { RegistryError } from '../provider.js';

export type Fetch = typeof fetch;

export interface RegisterRequest {
  fetch: Fetch;
  url: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The register's name, for error messages ("Companies House", "GLEIF"). */
  register: string;
}

/**
 * One call to an online register, its failures mapped once: no answer in time is `timeout`;
 * a 5xx, a refusal of our credentials, a rate limit, a broken connection or a body that is not
 * what the register documents is `failure`; a 400 is `rejected` (what the caller asked is wrong).
 * A 404 is the register saying "no such thing": the caller decides what that means (null).
 */
export async function fetchRegister(request: RegisterRequest, accept = 'application/json'): Promise<Response | null> {
  const signals = [AbortSignal.timeout(request.timeoutMs), ...(request.signal ? [request.signal] : [])];
  let response: Response;
  try {
    response = await request.fetch(request.url, { headers: { accept, ...request.headers }, signal: AbortSignal.any(signals), redirect: 'follow' });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new RegistryError('timeout', `${request.register} did not answer within ${request.timeoutMs} ms`);
    throw new RegistryError('failure', `${request.register} could not be reached`);
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (response.status === 400 || response.status === 422) {
    await response.body?.cancel();
    throw new RegistryError('rejected', `${request.register} refused the request (HTTP ${response.status})`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new RegistryError('failure', `${request.register} answered HTTP ${response.status}`);
  }
  return response;
}

/** The JSON body of a register's answer (null for a 404); a body that is not JSON is a failure. */
export async function fetchRegisterJson(request: RegisterRequest): Promise<Record<string, unknown> | null> {
  const response = await fetchRegister(request);
  if (!response) return null;
  let body: unknown;
  try {
    body = await readBody(response, request);
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    throw new RegistryError('failure', `${request.register} answered with a body that is not JSON`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new RegistryError('failure', `${request.register} answered with an unexpected JSON shape`);
  return body as Record<string, unknown>;
}

async function readBody(response: Response, request: RegisterRequest): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new RegistryError('timeout', `${request.register} did not finish answering within ${request.timeoutMs} ms`);
    throw error;
  }
}

/** A register answer's field that the documentation promises, or a failure naming it. */
export function expectArray(body: Record<string, unknown>, field: string, register: string): Array<Record<string, unknown>> {
  const value = body[field] ?? [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'object' || item === null)) {
    throw new RegistryError('failure', `${register} answered without the documented "${field}" list`);
  }
  return value as Array<Record<string, unknown>>;
}

export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
