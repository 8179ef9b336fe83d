// The newest stranger pictures on Home: a row of thumbnails, live, each opening the gallery.
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubSession } from '../../api/hub-session.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { hrefFor } from '../../hooks/use-hash-route.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { useNow } from '../../hooks/use-now.js';
import { formatAgo, formatDateTime } from '../format.js';
import { pictureSrc } from '../strangers/picture-links.js';
import { useStrangers } from '../strangers/use-strangers.js';

const SHOWN = 6;
const NO_FILTER = { camera: null, day: null };

export function NewestPictures({
  session,
  devices,
}: {
  session: HubSession;
  devices: DeviceView[];
}) {
  const t = useT();
  const { language } = useLanguage();
  const { strangers, loading, error } = useStrangers(session, NO_FILTER, SHOWN);
  const cameraName = (id: string) => devices.find((d) => d.id === id)?.name ?? id;
  const now = useNow(30_000);
  const shown = strangers?.slice(0, SHOWN) ?? [];
  return (
    <section className="card card-wide" aria-labelledby="newest-pictures-title">
      <div className="card-head">
        <h2 id="newest-pictures-title">{t('home.pictures.title')}</h2>
        <a className="button button-quiet button-small" href={hrefFor('strangers')}>
          {t('home.pictures.all')}
        </a>
      </div>
      {loading && !strangers && <LoadingLine text={t('home.pictures.loading')} />}
      {error && <p className="muted">{t('home.pictures.error', { reason: error })}</p>}
      {strangers && shown.length === 0 && <p className="muted">{t('home.pictures.none')}</p>}
      {shown.length > 0 && (
        <ul className="thumbs">
          {shown.map((stranger) => {
            const camera = cameraName(stranger.camera);
            const when = formatDateTime(stranger.at, language);
            return (
              <li key={stranger.id} className="thumb" data-stranger-id={stranger.id}>
                <a href={hrefFor('strangers')} title={`${camera} · ${when}`}>
                  <img
                    src={pictureSrc(stranger)}
                    alt={t('strangers.pictureAlt', { camera, time: when })}
                    loading="lazy"
                  />
                  <span className="thumb-caption truncate">{camera}</span>
                  <time className="thumb-caption truncate" dateTime={stranger.at}>
                    {formatAgo(stranger.at, now, t)}
                  </time>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
