// `save_state` / `load_state [name]`: the original save_to_config / load_from_config. The state
// goes to and comes from `<dataDir>/exports/<name>.json` (default `state`); a restore is
// validated as a whole first and keeps a copy of the state it replaces.
import { builtInActionDescriptions } from '../../../shared/messages/built-in-actions.js';
import fs from 'node:fs';
import path from 'node:path';
import type { ActionDefinition } from '../action-types.js';
import type { StateStore } from '../../store/state-store.js';
import { describeIssues, HubStateSchema, type HubState } from '../../store/state-schema.js';

const EXPORT_NAME = /^[a-z0-9_-]{1,64}$/;

export function createStateActions(store: StateStore): ActionDefinition[] {
  const exportsDir = path.join(store.dataDir, 'exports');
  const fileFor = (name: string | undefined): string => {
    const chosen = (name ?? 'state').toLowerCase();
    if (!EXPORT_NAME.test(chosen))
      throw new Error(`"${name}" is not an export name (1-64 of a-z 0-9 _ -)`);
    return path.join(exportsDir, `${chosen}.json`);
  };
  const write = (file: string, state: Readonly<HubState>): void => {
    fs.mkdirSync(exportsDir, { recursive: true });
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(temporary, file);
  };
  return [
    {
      name: 'save_state',
      description: builtInActionDescriptions.save_state,
      permission: 'admin',
      devicesMayRun: false,
      source: 'built-in',
      run(call) {
        const file = fileFor(call.args[0]);
        write(file, store.state);
        return `state saved to exports/${path.basename(file)}`;
      },
    },
    {
      name: 'load_state',
      description: builtInActionDescriptions.load_state,
      permission: 'admin',
      devicesMayRun: false,
      source: 'built-in',
      run(call) {
        const file = fileFor(call.args[0]);
        let raw: unknown;
        try {
          raw = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (error) {
          throw new Error(
            `cannot read exports/${path.basename(file)}: ${(error as Error).message}`,
            { cause: error },
          );
        }
        const parsed = HubStateSchema.safeParse(raw);
        if (!parsed.success) {
          throw new Error(
            `exports/${path.basename(file)} is not a valid state: ${describeIssues(parsed.error)}`,
          );
        }
        const keep = fileFor(`before-load-${Date.now()}`);
        write(keep, store.state);
        store.update((draft) => {
          for (const key of Object.keys(draft)) delete (draft as Record<string, unknown>)[key];
          Object.assign(draft, structuredClone(parsed.data));
        });
        return `state loaded from exports/${path.basename(file)}; the previous state is in exports/${path.basename(keep)}`;
      },
    },
  ];
}
