// A new integration account's MQTT settings, shown once: host and port (the hub's MQTT port, as
// /api/v1/info says), username and the password the hub will never show again, each with a
// Copy button, and the same as the bridge's configuration file spells it. "Done" hides it.
import { useId, useRef } from 'react';
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import { TextWithCode } from '../../components/Code.js';
import { CopyButton, CopyField, useCopy } from '../../components/CopyField.js';
import { useT } from '../../i18n/LanguageProvider.js';
import {
  brokerAddress,
  configSnippet,
  type CreatedIntegration,
  type PresetId,
} from './integration-presets.js';

interface MadeIntegrationProps {
  account: CreatedIntegration;
  preset: PresetId;
  info: OperationOutput<'getInfo'> | null;
  onDone(): void;
}

const bridgeNames: Partial<Record<PresetId, string>> = {
  zigbee2mqtt: 'Zigbee2MQTT',
  frigate: 'Frigate',
  esphome: 'ESPHome',
};

export function MadeIntegration({ account, preset, info, onDone }: MadeIntegrationProps) {
  const t = useT();
  // In a browser the hub is where this page came from; the desktop window is on its computer.
  const pageHost = window.location.protocol.startsWith('http') ? window.location.hostname : null;
  const address = info ? brokerAddress(info, pageHost) : null;
  const snippet = address && configSnippet(preset, address, account);
  const next =
    preset === 'frigate'
      ? t('integrations.made.nextFrigate')
      : preset === 'custom'
        ? null
        : t('integrations.made.nextDiscovery');

  return (
    <section className="integration-made" aria-labelledby="integration-made-title">
      <h3 id="integration-made-title">{t('integrations.made.title', { name: account.name })}</h3>
      <p>
        {t('integrations.made.once', {
          bridge: bridgeNames[preset] ?? t('integrations.made.theBridge'),
        })}
      </p>
      <div className="integration-made-fields">
        {address && (
          <>
            <CopyField label={t('integrations.made.host')} value={address.host} />
            <CopyField
              label={t('integrations.made.port')}
              value={String(address.port ?? '—')}
              shown={
                address.tls && address.port !== null
                  ? t('integrations.made.portTls', { port: address.port })
                  : undefined
              }
            />
          </>
        )}
        <CopyField label={t('integrations.made.username')} value={account.username} />
        <CopyField
          label={t('integrations.made.password')}
          value={account.password}
          className="share-field integration-wide"
        />
      </div>
      {address?.loopback && (
        <p className="settings-help">{t('integrations.made.loopback', { host: address.host })}</p>
      )}
      {snippet && <SnippetField label={t('integrations.made.snippet')} value={snippet} />}
      {preset === 'esphome' && (
        <p className="settings-help">
          <TextWithCode text={t('integrations.made.tasmota')} />
        </p>
      )}
      {next && <p>{next}</p>}
      <button type="button" className="button button-quiet" onClick={onDone}>
        {t('integrations.made.done')}
      </button>
    </section>
  );
}

function SnippetField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const { copied, copy } = useCopy(value);
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      <div className="share-row integration-snippet-row">
        <textarea
          ref={area}
          id={id}
          className="input integration-snippet"
          readOnly
          spellCheck={false}
          rows={value.split('\n').length}
          value={value}
          onFocus={(event) => event.target.select()}
        />
        <CopyButton
          label={label}
          copied={copied}
          onClick={() => copy(() => area.current?.select())}
        />
      </div>
    </div>
  );
}
