// The device cards, a page at a time: a home with 1,000 devices gets the first 60 cards and a
// "Show more" button, never 1,000 cards at once. A new search starts again at the first page.
import { useState } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubSession } from '../../api/hub-session.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { DeviceCard, type DeviceCommand } from './DeviceCard.js';

export const PAGE_SIZE = 60;

interface DeviceListProps {
  session: HubSession;
  devices: DeviceView[];
  /** Changes when the search or filters change: the list goes back to its first page. */
  resetKey: string;
  now: number;
  admin: boolean;
  busy: { id: string; command: DeviceCommand } | null;
  selectedId: string | null;
  integrationNames: ReadonlyMap<string, string>;
  onCommand(id: string, command: DeviceCommand): void;
  onRenamed(device: DeviceView): void;
  onSelect(id: string): void;
}

export function DeviceList(props: DeviceListProps) {
  const t = useT();
  const { devices, resetKey } = props;
  const [pages, setPages] = useState({ key: resetKey, count: 1 });
  // Adjusting state during render (not in an effect) so the first page shows in one pass.
  if (pages.key !== resetKey) setPages({ key: resetKey, count: 1 });
  const limit = (pages.key === resetKey ? pages.count : 1) * PAGE_SIZE;
  const visible = devices.length > limit ? devices.slice(0, limit) : devices;
  const more = Math.min(PAGE_SIZE, devices.length - visible.length);

  return (
    <>
      <ul className="devices" aria-label={t('devices.listLabel')}>
        {visible.map((device) => (
          <DeviceCard
            key={device.id}
            session={props.session}
            device={device}
            now={props.now}
            admin={props.admin}
            busy={props.busy?.id === device.id ? props.busy.command : null}
            selected={props.selectedId === device.id}
            integrationNames={props.integrationNames}
            onCommand={props.onCommand}
            onRenamed={props.onRenamed}
            onSelect={props.onSelect}
          />
        ))}
      </ul>
      {more > 0 && (
        <div className="device-more">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setPages({ key: resetKey, count: pages.count + 1 })}
          >
            {t('devices.showMore', { count: more })}
          </button>
        </div>
      )}
    </>
  );
}
