// Making an integration account: choose what it is for (a preset shows the rights it grants)
// or type the rights as lines; the hub checks them and, if it refuses one, its reason is shown
// here with what to do. Nothing is made then.
import { useState, type FormEvent } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { TextWithCode } from '../../components/Code.js';
import { useT } from '../../i18n/LanguageProvider.js';
import type { StringKey } from '../../i18n/catalogue/index.js';
import { errorText } from '../error-text.js';
import {
  nodeProblem,
  parseRightLines,
  presetIds,
  presetName,
  presetRights,
  rightMode,
  type CreatedIntegration,
  type PresetId,
  type Prefixes,
  type TopicRight,
} from './integration-presets.js';

const presetLabels: Record<PresetId, StringKey> = {
  zigbee2mqtt: 'integrations.preset.zigbee2mqtt',
  frigate: 'integrations.preset.frigate',
  esphome: 'integrations.preset.esphome',
  custom: 'integrations.preset.custom',
};

interface Problems {
  name?: string;
  node?: string;
  rights?: string;
}

interface NewIntegrationFormProps {
  session: HubSession;
  prefixes: Prefixes;
  onMade(account: CreatedIntegration, preset: PresetId): void;
}

export function NewIntegrationForm({ session, prefixes, onMade }: NewIntegrationFormProps) {
  const t = useT();
  const [preset, setPreset] = useState<PresetId>('zigbee2mqtt');
  const [name, setName] = useState(() => presetName('zigbee2mqtt', ''));
  // The name follows the preset (and an ESPHome device's node) until the owner types one.
  const [nameEdited, setNameEdited] = useState(false);
  const [node, setNode] = useState('');
  const [lines, setLines] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const granted = preset === 'custom' ? null : presetRights(preset, prefixes, node);

  const choose = (next: PresetId) => {
    setPreset(next);
    if (!nameEdited) setName(presetName(next, node));
    setProblems({});
    setRefused(null);
  };

  const typeNode = (value: string) => {
    setNode(value);
    if (!nameEdited) setName(presetName('esphome', value));
    setProblems((current) => ({ ...current, node: undefined }));
    setRefused(null);
  };

  const rightsToSend = ():
    { ok: true; rights: TopicRight[] } | { ok: false; problems: Problems } => {
    if (preset === 'custom') {
      const parsed = parseRightLines(lines);
      if (parsed.ok) return parsed;
      const { problem } = parsed;
      const text =
        problem.kind === 'none'
          ? t('integrations.new.rightsNone')
          : problem.kind === 'tooMany'
            ? t('integrations.new.rightsTooMany')
            : t('integrations.new.rightsMode', { line: problem.line, text: problem.text });
      return { ok: false, problems: { rights: text } };
    }
    const problem = preset === 'esphome' ? nodeProblem(node) : null;
    if (problem || !granted) {
      const key = problem === 'level' ? 'integrations.new.nodeLevel' : 'integrations.new.nodeEmpty';
      return { ok: false, problems: { node: t(key) } };
    }
    return { ok: true, rights: granted };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRefused(null);
    const wanted = rightsToSend();
    const local: Problems = wanted.ok ? {} : { ...wanted.problems };
    if (name.trim() === '') local.name = t('integrations.new.nameEmpty');
    if (!wanted.ok || local.name) {
      setProblems(local);
      return;
    }
    setProblems({});
    setBusy(true);
    session.api.createIntegration({ name: name.trim(), rights: wanted.rights }).then(
      (account) => {
        setBusy(false);
        onMade(account, preset);
        setNameEdited(false);
        setName(presetName(preset, ''));
        setNode('');
        setLines('');
      },
      (caught: unknown) => {
        setBusy(false);
        setRefused(t('integrations.new.refused', { error: errorText(caught, t) }));
      },
    );
  };

  /** The id, validity and descriptions of an input: its help, its problem, the hub's refusal. */
  const field = (id: string, problem: string | undefined, refusal = false) => ({
    id,
    'aria-invalid': problem || refusal ? true : undefined,
    'aria-describedby': [`${id}-help`, problem && `${id}-problem`, refusal && 'integration-refused']
      .filter(Boolean)
      .join(' '),
  });
  const problemText = (id: string, problem: string | undefined) =>
    problem && (
      <span id={`${id}-problem`} className="settings-problem">
        {problem}
      </span>
    );

  return (
    <form
      className="settings-form integration-new"
      aria-labelledby="integration-new-title"
      onSubmit={submit}
      noValidate
    >
      <h3 id="integration-new-title">{t('integrations.new.title')}</h3>
      <fieldset className="settings-field settings-choices">
        <legend>{t('integrations.new.for')}</legend>
        {presetIds.map((id) => (
          <label key={id} className="settings-choice">
            <input
              type="radio"
              name="integration-preset"
              value={id}
              checked={preset === id}
              onChange={() => choose(id)}
            />
            {t(presetLabels[id])}
          </label>
        ))}
      </fieldset>
      {preset === 'esphome' && (
        <div className="settings-field">
          <label htmlFor="integration-node">{t('integrations.new.node')}</label>
          <input
            {...field('integration-node', problems.node)}
            className="input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={node}
            onChange={(event) => typeNode(event.target.value)}
          />
          <span id="integration-node-help" className="settings-help">
            <TextWithCode text={t('integrations.new.nodeHelp')} />
          </span>
          {problemText('integration-node', problems.node)}
        </div>
      )}
      <div className="settings-field">
        <label htmlFor="integration-name">{t('integrations.new.name')}</label>
        <input
          {...field('integration-name', problems.name)}
          className="input"
          type="text"
          autoComplete="off"
          maxLength={64}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setNameEdited(true);
            setProblems((current) => ({ ...current, name: undefined }));
          }}
        />
        <span id="integration-name-help" className="settings-help">
          {t('integrations.new.nameHelp')}
        </span>
        {problemText('integration-name', problems.name)}
      </div>
      {preset === 'custom' ? (
        <div className="settings-field">
          <label htmlFor="integration-rights">{t('integrations.new.rights')}</label>
          <textarea
            {...field('integration-rights', problems.rights, refused !== null)}
            className="input integration-lines"
            rows={4}
            spellCheck={false}
            placeholder={'zwave/# both\nhomeassistant/# publish'}
            value={lines}
            onChange={(event) => {
              setLines(event.target.value);
              setProblems((current) => ({ ...current, rights: undefined }));
              setRefused(null);
            }}
          />
          <span id="integration-rights-help" className="settings-help">
            <TextWithCode text={t('integrations.new.rightsHelp')} />
          </span>
          {problems.rights && (
            <span id="integration-rights-problem" className="settings-problem">
              <TextWithCode text={problems.rights} />
            </span>
          )}
        </div>
      ) : (
        <div className="settings-field">
          <span className="integration-grants-title">{t('integrations.new.grants')}</span>
          {granted ? (
            <ul className="integration-rights" aria-label={t('integrations.new.grants')}>
              {granted.map((right) => (
                <li key={right.filter + rightMode(right)}>
                  <code>{right.filter}</code>{' '}
                  <span className="muted">{t(`integrations.mode.${rightMode(right)}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="settings-help">{t('integrations.new.grantsPending')}</span>
          )}
        </div>
      )}
      <div className="settings-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('integrations.new.making') : t('integrations.new.make')}
        </button>
      </div>
      {refused && (
        <p id="integration-refused" className="notice notice-error" role="alert">
          {refused}
        </p>
      )}
    </form>
  );
}
