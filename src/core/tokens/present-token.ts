import type { KybTokenRow } from '../../db/tables.js';
import type { KybToken } from '../../schemas/token.js';
import type { KybLocale, KybTokenType } from '../../shared/enums.js';

export function isTokenValid(row: Pick<KybTokenRow, 'deactivated_at' | 'expires_at'>, now: number): boolean {
  return row.deactivated_at === null && row.expires_at > now;
}

/** The token as iDenfy returns it; `tokenString` is only known when it was just created. */
export function presentToken(row: KybTokenRow, tokenString: string, now: number): KybToken {
  return {
    tokenType: row.token_type as KybTokenType,
    tokenString,
    expiration: new Date(row.expires_at).toISOString(),
    isActive: row.deactivated_at === null,
    isValid: isTokenValid(row, now),
    companyId: row.company_id,
    clientId: row.client_id,
    externalRef: row.external_ref,
    locale: row.locale as KybLocale | null,
    flow: row.flow_id,
    theme: row.theme_id,
    tags: JSON.parse(row.tags) as string[],
    scanRefs: JSON.parse(row.scan_refs) as string[] | null,
  };
}
