// Activity: what happened, from three sources: the live event feed (since the panel opened),
// the hub's persisted activity history, and the lock audit log. Filter by kind, device or
// text; export what is shown as CSV or JSON.
import { useCallback, useMemo, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useLiveEvents, type LiveEventLog } from '../../hooks/live-event-log.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { EmptyStateCard } from '../EmptyStateCard.js';
import { findView } from '../view-catalogue.js';
import {
  auditRow,
  filterRows,
  historyRow,
  kindsOf,
  type ActivityRow,
  type RowFilter,
} from './activity-rows.js';
import { liveRow } from './live-rows.js';
import { ActivityFilters } from './ActivityFilters.js';
import { ActivityTable } from './ActivityTable.js';
import { ActivityTabs, panelId, tabId, type ActivitySource } from './ActivityTabs.js';
import { download, rowsToCsv, rowsToJson } from './export-rows.js';
import { usePagedHistory, type PagedHistory } from './use-paged-history.js';

const NO_FILTER: RowFilter = { kind: '', device: '', text: '' };

interface ActivityViewProps {
  session: HubSession;
  liveEvents: LiveEventLog;
}

export function ActivityView({ session, liveEvents }: ActivityViewProps) {
  const t = useT();
  const { language } = useLanguage();
  const [source, setSource] = useState<ActivitySource>('history');
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const live = useLiveEvents(liveEvents);
  const history = usePagedHistory(
    session,
    useCallback(
      (limit: number, before?: number) =>
        session.api
          .listActivity({ limit, ...(before ? { before } : {}) })
          .then((result) => result.entries),
      [session],
    ),
  );
  const audit = usePagedHistory(
    session,
    useCallback(
      (limit: number, before?: number) =>
        session.api
          .listAudit({ limit, ...(before ? { before } : {}) })
          .then((result) => result.entries),
      [session],
    ),
  );

  const rows: ActivityRow[] | null = useMemo(() => {
    const speaker = { t, language };
    if (source === 'live') return live.map((event) => liveRow(event, speaker));
    if (source === 'history') return history.entries?.map((e) => historyRow(e, speaker)) ?? null;
    return audit.entries?.map((entry) => auditRow(entry, speaker)) ?? null;
  }, [source, live, history.entries, audit.entries, t, language]);
  const kinds = useMemo(() => kindsOf(rows ?? []), [rows]);
  const shown = rows ? filterRows(rows, filter) : null;
  const paged: PagedHistory<unknown> | null =
    source === 'history' ? history : source === 'audit' ? audit : null;

  const exportRows = (format: 'csv' | 'json') => {
    if (!shown) return;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name = `hearth-${source}-${stamp}.${format}`;
    if (format === 'csv') download(name, rowsToCsv(shown), 'text/csv;charset=utf-8');
    else download(name, rowsToJson(shown), 'application/json');
  };
  const empty = findView('activity')?.empty;

  return (
    <>
      <h1 tabIndex={-1}>{t('common.nav.activity')}</h1>
      <ActivityTabs
        current={source}
        counts={{
          live: live.length,
          ...(history.entries ? { history: history.entries.length } : {}),
          ...(audit.entries ? { audit: audit.entries.length } : {}),
        }}
        onChange={(next) => {
          setSource(next);
          setFilter((current) => ({ ...current, kind: '' }));
        }}
      />
      <div className="stack" role="tabpanel" id={panelId} aria-labelledby={tabId(source)}>
        <p className="muted">{t(`activity.about.${source}`)}</p>
        {paged?.error && (
          <ErrorNotice
            text={t('activity.loadFailed', { reason: paged.error })}
            onRetry={paged.reload}
          />
        )}
        <ActivityFilters
          filter={filter}
          kinds={kinds}
          onChange={setFilter}
          exportDisabled={!shown || shown.length === 0}
          onExport={exportRows}
        />
        {paged?.loading && !rows && <LoadingLine text={t('activity.loading')} />}
        {rows && rows.length === 0 && source === 'history' && empty && (
          <EmptyStateCard empty={empty} />
        )}
        {rows && rows.length === 0 && source !== 'history' && (
          <p className="muted">
            {t(source === 'live' ? 'activity.live.empty' : 'activity.audit.empty')}
          </p>
        )}
        {rows && rows.length > 0 && shown && (
          <>
            <p className="muted" role="status">
              {t('activity.shown', { shown: shown.length, total: rows.length })}
            </p>
            {shown.length > 0 ? (
              <ActivityTable rows={shown} caption={t(`activity.tab.${source}`)} />
            ) : (
              <p className="muted">{t('activity.noMatch')}</p>
            )}
          </>
        )}
        {paged?.hasOlder && (
          <button
            type="button"
            className="button button-quiet"
            disabled={paged.loadingOlder}
            onClick={paged.loadOlder}
          >
            {paged.loadingOlder ? t('activity.loadingOlder') : t('activity.loadOlder')}
          </button>
        )}
      </div>
    </>
  );
}
