// Actions: the action table with figures and a Run form, then the action files (status,
// upload, removal, confirming remote code). Refreshed live on `action_error` events.
import { useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { TextWithCode } from '../../components/Code.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { useTokenScope } from '../use-token-scope.js';
import { ActionFilesCard } from './ActionFilesCard.js';
import { ActionTable } from './ActionTable.js';
import { RunActionForm } from './RunActionForm.js';
import { useActions } from './use-actions.js';

export function ActionsView({ session }: { session: HubSession }) {
  const t = useT();
  const state = useActions(session);
  const scope = useTokenScope(session);
  const [running, setRunning] = useState<string | null>(null);
  const { actions, files } = state;

  return (
    <>
      <h1 tabIndex={-1}>{t('actions.title')}</h1>
      {state.error && (
        <ErrorNotice
          text={t('actions.loadFailed', { error: state.error })}
          onRetry={state.reload}
        />
      )}
      {state.loading && !actions && <LoadingLine text={t('actions.loading')} />}
      <div className="stack">
        {actions && (
          <section className="card" aria-labelledby="table-title">
            <h2 id="table-title">{t('actions.table.title')}</h2>
            <p className="muted">
              <TextWithCode text={t('actions.table.intro')} />
            </p>
            <ActionTable actions={actions} scope={scope} onRun={setRunning} />
          </section>
        )}
        {running && (
          <RunActionForm
            key={running}
            session={session}
            name={running}
            onClose={() => setRunning(null)}
            onRan={state.reload}
          />
        )}
        {files && (
          <ActionFilesCard
            session={session}
            files={files}
            admin={scope === 'admin'}
            onChanged={state.reload}
          />
        )}
      </div>
    </>
  );
}
