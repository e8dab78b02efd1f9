import { ActionOutcome } from '../components/messages.js';
import { useAction } from '../components/use-action.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

/** The signed-in manager marks itself away (automatic assignment skips it) or back. */
export function AwayToggle() {
  const { t } = useI18n();
  const { client, manager } = useSession();
  const { result, reload } = useLoad(() => client.managers().then((r) => r.results.find((m) => m.id === manager.id)?.away ?? false), 'away');
  const { busy, message, run } = useAction(reload);
  const isAway = result.state === 'done' && result.data;
  return (
    <section className="panel" aria-labelledby="away-title">
      <h2 id="away-title">{t('away.title')}</h2>
      <p>{t(isAway ? 'away.isAway' : 'away.isIn')}</p>
      <button
        type="button"
        className="button secondary"
        disabled={busy !== null || result.state !== 'done'}
        onClick={() => void run('away', () => client.updateManager(manager.id, { away: !isAway }), t(isAway ? 'away.nowIn' : 'away.nowAway'))}
      >
        {t(isAway ? 'away.markBack' : 'away.markAway')}
      </button>
      <ActionOutcome message={message} />
    </section>
  );
}
