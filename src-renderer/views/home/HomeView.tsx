// Home: every lock as a large switch with its true state, "Lock all" with each lock's result,
// the newest stranger pictures, what needs attention, and the hub itself. All of it live.
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useConnectionStatus } from '../../hooks/use-connection-status.js';
import { useHubOverview } from '../../hooks/use-hub-overview.js';
import { useNow } from '../../hooks/use-now.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { EmptyStateCard } from '../EmptyStateCard.js';
import type { EmptyStateText } from '../view-catalogue.js';
import { shownWarning, WarningsCard } from '../WarningsCard.js';
import { AddToHomeScreen } from './AddToHomeScreen.js';
import { HubDetails } from './HubDetails.js';
import { LockAllSummary } from './LockAllSummary.js';
import { LockSwitch } from './LockSwitch.js';
import { shownLockState } from './lock-state.js';
import { lockWarnings } from './lock-warnings.js';
import { NewestPictures } from './NewestPictures.js';
import { useLastCommands } from './use-lock-audit.js';
import { useLockCommands } from './use-lock-commands.js';
import { useLiveDevices } from './use-live-devices.js';
import { useTokenScope } from '../use-token-scope.js';
import { WaitingDevicesCard } from './WaitingDevicesCard.js';

const NO_LOCKS: EmptyStateText = {
  title: 'home.locks.emptyTitle',
  body: ['home.locks.emptyBody1', 'home.locks.emptyBody2'],
};

export function HomeView({ session }: { session: HubSession }) {
  const t = useT();
  const { language } = useLanguage();
  const devices = useLiveDevices(session);
  const admin = useTokenScope(session) === 'admin';
  const overview = useHubOverview(session);
  const lastCommands = useLastCommands(session);
  const commands = useLockCommands(session);
  const connected = useConnectionStatus(session.connection) === 'connected';
  // Enough for "2 min ago"; the uptime ticks on its own clock in HubDetails.
  const now = useNow(10_000, connected);
  const locks = (devices.data ?? [])
    .filter((device) => device.kind === 'lock' && device.status === 'approved')
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const { info, status } = overview;
  const warnings = [
    ...lockWarnings(locks, t),
    ...overview.warnings.map((warning) => shownWarning(warning, { t, language })),
  ];

  return (
    <>
      <h1 tabIndex={-1}>{t('home.title')}</h1>
      {devices.error && (
        <ErrorNotice
          text={t('home.locks.loadFailed', { reason: devices.error })}
          onRetry={devices.reload}
        />
      )}
      {overview.error && (
        <ErrorNotice
          text={t('home.hub.loadFailed', { reason: overview.error })}
          onRetry={overview.reload}
        />
      )}
      {commands.error && <ErrorNotice text={commands.error} onDismiss={commands.dismissError} />}
      <div className="stack">
        <section className="home-locks" aria-labelledby="locks-title">
          <div className="section-head">
            <h2 id="locks-title">
              {devices.data
                ? t('home.locks.count', { count: locks.length })
                : t('home.locks.title')}
            </h2>
            <button
              type="button"
              className="button button-primary"
              disabled={commands.lockAllBusy || locks.length === 0}
              onClick={() => commands.lockAll(locks)}
            >
              {commands.lockAllBusy ? t('home.lockAll.busy') : t('home.lockAll.button')}
            </button>
          </div>
          {devices.loading && !devices.data && <LoadingLine text={t('home.locks.loading')} />}
          {devices.data && locks.length === 0 && <EmptyStateCard empty={NO_LOCKS} />}
          {locks.length > 0 && (
            <ul className="locks">
              {locks.map((lock) => (
                <LockSwitch
                  key={lock.id}
                  lock={lock}
                  state={shownLockState(lock, commands.inFlight[lock.id])}
                  busy={commands.inFlight[lock.id] !== undefined}
                  lastCommand={lastCommands.get(lock.id)}
                  now={now}
                  onCommand={(command) => commands.run(lock, command)}
                />
              ))}
            </ul>
          )}
        </section>
        {commands.lockAllResult && (
          <LockAllSummary
            result={commands.lockAllResult}
            locks={locks}
            onDismiss={commands.dismissLockAll}
          />
        )}
        <div className="cards">
          <AddToHomeScreen />
          <WaitingDevicesCard session={session} devices={devices.data ?? []} admin={admin} />
          <NewestPictures session={session} devices={devices.data ?? []} />
          <WarningsCard warnings={warnings} />
          {overview.loading && !info && <LoadingLine text={t('home.hub.loading')} />}
          {info && (
            <HubDetails
              info={info}
              status={status}
              statusFetchedAt={overview.statusFetchedAt}
              live={connected}
            />
          )}
        </div>
      </div>
    </>
  );
}
