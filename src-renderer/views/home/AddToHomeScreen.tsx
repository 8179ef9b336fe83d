// On a phone's browser (not already opened from the home screen), how to keep Hearth one tap
// away. Over plain HTTP on the home network a browser offers only a shortcut (an app that opens
// without the hub needs HTTPS with a certificate the phone trusts: README, "Phones"), so this
// says how to add one, once, until dismissed.
import { useState } from 'react';
import { useT } from '../../i18n/LanguageProvider.js';

const DISMISSED_KEY = 'hearth.addToHomeScreen.dismissed';

function shouldOffer(): boolean {
  try {
    if (localStorage.getItem(DISMISSED_KEY)) return false;
  } catch {
    return false;
  }
  const onPhone = window.matchMedia('(pointer: coarse)').matches;
  const standalone = window.matchMedia('(display-mode: standalone)').matches;
  return onPhone && !standalone && !window.hub;
}

export function AddToHomeScreen() {
  const t = useT();
  const [shown, setShown] = useState(shouldOffer);
  if (!shown) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Without storage it is offered again next time; nothing else is lost.
    }
    setShown(false);
  };
  return (
    <section className="card" aria-labelledby="add-home-title">
      <h2 id="add-home-title">{t('sessions.install.title')}</h2>
      <p className="muted">
        {window.isSecureContext ? t('sessions.install.secure') : t('sessions.install.plain')}
      </p>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        {t('sessions.install.dismiss')}
      </button>
    </section>
  );
}
