// Strangers: the gallery of pictures cameras sent of people they did not recognise, newest
// first. New pictures appear as they arrive (highlighted and announced); filter by camera and
// day; click one to enlarge it, see its share links, or delete it (after confirming).
import { useCallback, useMemo, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { EmptyStateCard } from '../EmptyStateCard.js';
import { errorText } from '../error-text.js';
import { formatDateTime } from '../format.js';
import { useLiveDevices } from '../home/use-live-devices.js';
import { findView } from '../view-catalogue.js';
import { PictureDialog } from './PictureDialog.js';
import { pictureSrc } from './picture-links.js';
import { StrangerFilters } from './StrangerFilters.js';
import { useStrangers, type StrangerFilter } from './use-strangers.js';

const PAGE = 48;

export function StrangersView({ session }: { session: HubSession }) {
  const t = useT();
  const { language } = useLanguage();
  const [filter, setFilter] = useState<StrangerFilter>({ camera: null, day: null });
  const state = useStrangers(session, filter, PAGE);
  const devices = useLiveDevices(session);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { strangers } = state;

  const cameraName = useCallback(
    (id: string) => devices.data?.find((device) => device.id === id)?.name ?? id,
    [devices.data],
  );
  const cameras = useMemo(() => {
    const ids = new Set<string>();
    for (const device of devices.data ?? []) if (device.kind === 'camera') ids.add(device.id);
    for (const stranger of strangers ?? []) ids.add(stranger.camera);
    return [...ids]
      .map((id) => ({ id, name: cameraName(id) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [devices.data, strangers, cameraName]);

  const selected = strangers?.find((stranger) => stranger.id === selectedId) ?? null;
  const remove = (id: string) => {
    setDeleting(true);
    setProblem(null);
    session.api.deleteStranger({ id }).then(
      () => {
        setDeleting(false);
        setSelectedId(null);
        state.drop(id);
      },
      (error: unknown) => {
        setDeleting(false);
        setProblem(t('strangers.deleteFailed', { reason: errorText(error, t) }));
      },
    );
  };
  const filtered = filter.camera !== null || filter.day !== null;
  const empty = findView('strangers')?.empty;

  return (
    <>
      <h1 tabIndex={-1}>{t('common.nav.strangers')}</h1>
      {state.error && (
        <ErrorNotice
          text={t('strangers.loadFailed', { reason: state.error })}
          onRetry={state.reload}
        />
      )}
      {problem && <ErrorNotice text={problem} onDismiss={() => setProblem(null)} />}
      <div className="stack">
        <StrangerFilters filter={filter} cameras={cameras} onChange={setFilter} />
        <p className="visually-hidden" role="status" aria-live="polite">
          {state.arrived.size > 0 ? t('strangers.arrived', { count: state.arrived.size }) : ''}
        </p>
        {state.loading && !strangers && <LoadingLine text={t('strangers.loading')} />}
        {strangers && strangers.length === 0 && !filtered && empty && (
          <EmptyStateCard empty={empty} />
        )}
        {strangers && strangers.length === 0 && filtered && (
          <p className="muted">{t('strangers.noMatch')}</p>
        )}
        {strangers && strangers.length > 0 && (
          <section aria-labelledby="gallery-title">
            <h2 id="gallery-title">{t('strangers.count', { count: strangers.length })}</h2>
            <ul className="gallery">
              {strangers.map((stranger) => {
                const camera = cameraName(stranger.camera);
                const when = formatDateTime(stranger.at, language);
                const fresh = state.arrived.has(stranger.id);
                return (
                  <li
                    key={stranger.id}
                    className={`gallery-item${fresh ? ' is-new' : ''}`}
                    data-stranger-id={stranger.id}
                  >
                    <button
                      type="button"
                      className="gallery-button"
                      aria-label={t('strangers.open', { camera, time: when })}
                      onClick={() => setSelectedId(stranger.id)}
                    >
                      <img
                        src={pictureSrc(stranger)}
                        alt=""
                        loading="lazy"
                        width="320"
                        height="240"
                      />
                      <span className="gallery-caption">
                        <span className="truncate" title={camera}>
                          {camera}
                        </span>
                        <span className="muted">{when}</span>
                      </span>
                      {fresh && <span className="gallery-new">{t('strangers.new')}</span>}
                      {stranger.count > 1 && (
                        <span className="gallery-count">×{stranger.count}</span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
            {state.hasOlder && (
              <button
                type="button"
                className="button button-quiet"
                disabled={state.loadingOlder}
                onClick={state.loadOlder}
              >
                {state.loadingOlder ? t('strangers.loadingOlder') : t('strangers.loadOlder')}
              </button>
            )}
          </section>
        )}
      </div>
      {selected && (
        <PictureDialog
          key={selected.id}
          stranger={selected}
          cameraName={cameraName(selected.camera)}
          deleting={deleting}
          onDelete={() => remove(selected.id)}
          onClose={() => setSelectedId(null)}
        />
      )}
    </>
  );
}
