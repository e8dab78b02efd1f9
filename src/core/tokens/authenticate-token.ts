import type { Ctx } from '../context.js';
import { prepared } from '../../db/prepared.js';
import { keyedHash } from '../crypto.js';
import { DomainError } from '../errors.js';
import { TOKEN_REFUSAL } from '../../shared/token-refusal.js';
import { isTokenValid } from './present-token.js';

/** Who a Bearer token speaks for: one company of one partner, with its session settings. */
export interface TokenSession {
  tokenId: string;
  partnerId: string;
  companyId: string;
  clientId: string;
  tokenType: string;
  locale: string | null;
  flowId: string | null;
  themeId: string | null;
  questionnaireId: string | null;
  isQuestionnaireRequired: boolean;
  expiresAt: number;
}

const selectToken = prepared((db, p: { tokenHash: string }) => db.selectFrom('kyb_tokens').selectAll().where('token_hash', '=', p.tokenHash));

export function tokenRejected(reason: keyof typeof TOKEN_REFUSAL): DomainError {
  return new DomainError('AUTHENTICATION_FAILED', TOKEN_REFUSAL[reason]);
}

/**
 * Unknown, expired and deactivated tokens get the same status and identifier; the message says
 * which, so the form can tell a mistyped link from a spent one. Saying "expired" reveals nothing
 * to whoever holds the 40 characters, and no one can find such a token by guessing.
 */
export async function authenticateToken({ ctx, input }: { ctx: Ctx; input: { tokenString: string } }): Promise<TokenSession> {
  const [row] = await selectToken(ctx.db, { tokenHash: keyedHash(ctx.pepper, input.tokenString) });
  if (!row) throw tokenRejected('unknown');
  if (!isTokenValid(row, ctx.clock.now())) throw tokenRejected(row.deactivated_at !== null ? 'deactivated' : 'expired');
  return {
    tokenId: row.id,
    partnerId: row.partner_id,
    companyId: row.company_id,
    clientId: row.client_id,
    tokenType: row.token_type,
    locale: row.locale,
    flowId: row.flow_id,
    themeId: row.theme_id,
    questionnaireId: row.questionnaire_id,
    isQuestionnaireRequired: row.questionnaire_required === 1,
    expiresAt: row.expires_at,
  };
}
