import { DomainError, fieldErrors } from '../errors.js';
import { isReservedKey, RESERVED_KEY_MESSAGE } from '../../shared/records.js';
import { isReservedHeader, signingKeyProblem } from './signatures.js';
import { checkWebhookUrl, type LookupAll } from './url-policy.js';

/** How webhook URLs are checked: the operator's switch, and a DNS resolver tests can replace. */
export interface UrlPolicy {
  allowPrivate: boolean;
  lookupAll?: LookupAll;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;

/** Rules the schema cannot express. Throws one VALIDATION_ERROR naming every problem. */
export async function checkWebhookFields(fields: { url?: string; headers?: Record<string, string>; signingKey?: string }, policy: UrlPolicy): Promise<void> {
  const errors = fieldErrors();
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  if (fields.url !== undefined) {
    const problem = await checkWebhookUrl(fields.url, policy);
    if (problem) add('url', problem);
  }
  const seen = new Set<string>();
  for (const name of Object.keys(fields.headers ?? {})) {
    if (!HEADER_NAME.test(name)) add(`headers.${name}`, 'is not a valid header name');
    else if (isReservedKey(name) || isReservedKey(name.toLowerCase())) add(`headers.${name}`, RESERVED_KEY_MESSAGE);
    else if (isReservedHeader(name)) add(`headers.${name}`, 'is set by OpenKYB and cannot be replaced');
    else if (seen.has(name.toLowerCase())) add(`headers.${name}`, 'is listed twice (header names ignore case)');
    seen.add(name.toLowerCase());
  }
  if (fields.signingKey !== undefined) {
    const problem = signingKeyProblem(fields.signingKey);
    if (problem) add('signingKey', problem);
  }
  if (Object.keys(errors).length > 0) throw new DomainError('VALIDATION_ERROR', 'Validation failed.', errors);
}
