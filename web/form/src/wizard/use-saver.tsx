import { useCallback, useRef, useState } from 'react';
import { ApiError, type FieldErrors } from '../../../shared/api/errors.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';

export { problemText } from './problem-text.js';
import type { KybContext } from './data.js';

export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed' | 'needsBasics';
export type SaveResult<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors | null; isConflict?: boolean };

/**
 * Runs saves one after another (so an older PATCH never lands after a newer one) and turns
 * their outcome into a state for <SaveStatus>. An expired token or a submitted form ends the
 * form through ctx.fail; validation errors are returned for the step to place on its fields.
 */
export function useSaver(ctx: KybContext) {
  const [state, setState] = useState<SaveState>('idle');
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const lastAction = useRef<(() => Promise<unknown>) | null>(null);

  const run = useCallback(
    <T,>(action: () => Promise<T>): Promise<SaveResult<T>> => {
      lastAction.current = action;
      const result = queue.current.then(async (): Promise<SaveResult<T>> => {
        setState('saving');
        try {
          const value = await action();
          setState('saved');
          return { ok: true, value };
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) {
            ctx.fail(error);
            return { ok: false, fields: null };
          }
          // 409 means either "already submitted" or a conflict of this change (deleting a company
          // that still has owners): the token's info tells which.
          if (error instanceof ApiError && error.status === 409) {
            const infoError: unknown = await ctx.client.info().then(
              () => null,
              (e: unknown) => e,
            );
            if (infoError instanceof ApiError && infoError.status === 401) {
              ctx.fail(infoError);
              return { ok: false, fields: null };
            }
            setState('idle');
            return { ok: false, fields: null, isConflict: true };
          }
          if (error instanceof ApiError && error.fields) {
            setState('invalid');
            return { ok: false, fields: error.fields };
          }
          setState('failed');
          return { ok: false, fields: null };
        }
      });
      queue.current = result;
      return result;
    },
    [ctx],
  );

  const retry = useCallback(() => (lastAction.current ? run(lastAction.current) : Promise.resolve(null)), [run]);
  return { state, setState, run, retry };
}

const STATUS_TEXT: Partial<Record<SaveState, MessageKey>> = {
  saving: 'app.saving',
  saved: 'app.saved',
  invalid: 'app.notSaved',
  failed: 'app.saveFailed',
  needsBasics: 'app.createFirst',
};

/** A polite live region of fixed height: saving never moves the page. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  const { t } = useI18n();
  const key = STATUS_TEXT[state];
  return (
    <div className={`save-status state-${state}`} role="status" aria-live="polite" data-save-state={state}>
      {key ? t(key) : null}
      {state === 'failed' ? (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}
