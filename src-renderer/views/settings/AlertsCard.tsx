// "Alerts on this device": a browser asks once whether the panel may show notifications; then a
// stranger or a jammed lock is announced while the panel is open but out of sight. Where the
// browser cannot (plain HTTP on the home network), it says why and what would make it work.
import { useState } from 'react';
import { alertsAvailability, type AlertsAvailability } from '../../alerts/browser-alerts.js';
import type { StringKey } from '../../i18n/catalogue/index.js';
import { useT } from '../../i18n/LanguageProvider.js';

const explanation: Record<Exclude<AlertsAvailability, 'unsupported'>, StringKey> = {
  'needs-https': 'alerts.needsHttps',
  off: 'alerts.off',
  on: 'alerts.on',
  blocked: 'alerts.blocked',
};

export function AlertsCard() {
  const t = useT();
  const [availability, setAvailability] = useState(alertsAvailability);
  if (availability === 'unsupported') return null;
  const ask = () => {
    void Notification.requestPermission().then(() => setAvailability(alertsAvailability()));
  };
  return (
    <section className="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alerts.title')}</h2>
      <p className="muted" role="status">
        {t(explanation[availability])}
      </p>
      {availability === 'off' && (
        <button type="button" className="button button-primary" onClick={ask}>
          {t('alerts.turnOn')}
        </button>
      )}
    </section>
  );
}
