import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

const WARN_BEFORE_MS = 5 * 60 * 1000;
// setTimeout takes at most a 32-bit delay; later moments are re-armed when reached.
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Warns five minutes before the token expires, and ends the form when it has. */
export function ExpiryBanner({ expiration, onExpired }: { expiration: string; onExpired(): void }) {
  const { t, locale } = useI18n();
  const expiresAt = Date.parse(expiration);
  const [isWarning, setWarning] = useState(false);

  useEffect(() => {
    if (Number.isNaN(expiresAt)) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const left = expiresAt - Date.now();
      if (left <= 0) return onExpired();
      setWarning(left <= WARN_BEFORE_MS);
      timer = setTimeout(check, Math.min(left > WARN_BEFORE_MS ? left - WARN_BEFORE_MS : left, MAX_DELAY_MS));
    };
    check();
    return () => clearTimeout(timer);
  }, [expiresAt, onExpired]);

  if (!isWarning) return null;
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(expiresAt);
  return (
    <div className="banner tone-warning" role="alert" data-banner="expiry">
      {t('app.expiresSoon', { time })}
    </div>
  );
}
