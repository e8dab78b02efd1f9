import type { ReactNode } from 'react';

type Tone = 'success' | 'warning' | 'error' | 'info';

/**
 * Which tone (web/shared/styles/base.css `.tone-*`, each pair AA on its background) each state
 * is shown in; a state not named here is shown without one.
 */
const TONES = {
  status: { COMPLETED: 'success', NEED_TO_REVIEW: 'warning', NEED_TO_PROCESS: 'warning', PENDING: 'info', PROCESSING: 'info' },
  approval: { APPROVED: 'success', DENIED: 'error' },
  risk: { VERY_LOW: 'success', LOW: 'success', MEDIUM: 'warning', HIGH: 'error', VERY_HIGH: 'error', NOT_CHECKED: 'info' },
  document: { ACCEPTED: 'success', REJECTED: 'error', UNDECIDED: 'warning' },
  aml: { NO_FLAGS: 'success', FALSE_POSITIVE: 'success', NOT_CHECKED: 'warning', FLAGS_FOUND: 'error', TRUE_POSITIVE: 'error' },
} satisfies Record<string, Record<string, Tone>>;

/** A state as a coloured pill: `kind-VALUE` names it (for styles and tests), the tone colours it. */
export function Badge({ kind, value, children }: { kind: keyof typeof TONES; value: string; children: ReactNode }) {
  const tone = (TONES[kind] as Record<string, Tone | undefined>)[value];
  return <span className={`badge ${kind}-${value}${tone ? ` tone-${tone}` : ''}`}>{children}</span>;
}
