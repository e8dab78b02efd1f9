/**
 * Why a KYB token was refused, as the `message` of `401 AUTHENTICATION_FAILED`. The hosted form
 * tells a link that never worked (cut off, mistyped) from one that ran out, so it compares
 * against these very strings; the identifier and status stay iDenfy's for every case.
 */
export const TOKEN_REFUSAL = {
  unknown: 'Unknown token.',
  expired: 'This token has expired.',
  deactivated: 'This token was deactivated.',
} as const;
