// Settings: appearance for everyone; for the admin, pairing a phone, tokens, integration
// accounts for bridges, failed sign-ins, the hub's settings and backups; ports and version for
// everyone; desktop choices only in the Electron window. A control token is told plainly what
// it cannot change here.
import type { HubSession } from '../../api/hub-session.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { useTokenScope } from '../use-token-scope.js';
import { AppearanceCard } from './AppearanceCard.js';
import { ConnectionCard } from './ConnectionCard.js';
import { DesktopCard } from './DesktopCard.js';
import { HubSettingsCards } from './HubSettingsCards.js';
import { IntegrationsCard } from './IntegrationsCard.js';
import { LockoutsCard } from './LockoutsCard.js';
import { PairPhoneCard } from './PairPhoneCard.js';
import { StateTransferCard } from './StateTransferCard.js';
import { TokensCard } from './TokensCard.js';
import { useTokens } from './use-tokens.js';
import './settings.css';

export function SettingsView({ session }: { session: HubSession }) {
  const t = useT();
  const scope = useTokenScope(session);
  return (
    <>
      <h1 tabIndex={-1}>{t('settings.title')}</h1>
      <div className="stack settings">
        {scope === 'unknown' && <LoadingLine text={t('settings.checkingScope')} />}
        {scope === 'control' && (
          <p className="notice" role="note">
            {t('settings.adminOnly')}
          </p>
        )}
        {scope === 'admin' && <AdminCards session={session} />}
        <AppearanceCard />
        {scope === 'admin' && <HubSettingsCards session={session} />}
        <ConnectionCard session={session} />
        {scope === 'admin' && <StateTransferCard session={session} />}
        {window.hub && scope === 'admin' && <DesktopCard session={session} />}
      </div>
    </>
  );
}

function AdminCards({ session }: { session: HubSession }) {
  const tokens = useTokens(session);
  return (
    <>
      <PairPhoneCard session={session} tokens={tokens} />
      <TokensCard session={session} tokens={tokens} />
      <IntegrationsCard session={session} />
      <LockoutsCard session={session} />
    </>
  );
}
