import { DomainError, invalidField } from '../errors.js';
import { ACCEPTED_FILE_TYPES, detectFileType, type FileType } from './file-type.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+(;[\w-]+=[\w.-]+)*;base64,/;

export interface DecodedUpload extends FileType {
  bytes: Buffer;
}

/** Which file types an upload may have (decided by content) and how the refusal names them. */
export interface AcceptedTypes {
  detect(bytes: Buffer): FileType | null;
  description: string;
}

const KYB_UPLOADS: AcceptedTypes = { detect: detectFileType, description: ACCEPTED_FILE_TYPES };

/**
 * Decodes a base64 upload (a data: URL prefix is allowed). The decoded size is computed from
 * the text first, so an oversize file is refused before it is decoded into memory.
 */
export function decodeUpload(text: string, maxBytes: number, field = 'file', accepted: AcceptedTypes = KYB_UPLOADS): DecodedUpload {
  const base64 = text.replace(DATA_URL, '');
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const size = Math.floor((base64.length * 3) / 4) - padding;
  if (size > maxBytes) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `The file is ${size} bytes; the limit is ${maxBytes} bytes.`);
  }
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) throw invalidField(field, 'must be base64-encoded');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalidField(field, 'must not be empty');
  const type = accepted.detect(bytes);
  if (!type) throw invalidField(field, `must be a ${accepted.description} file (decided by its content)`);
  return { ...type, bytes };
}
