// The original hub's remote code, kept but fenced: `save_action_file <file> <base64>` and
// `load_action_file <file>`. Off unless the owner turns settings.actions.remoteCode on; admin
// tokens only; sent code waits until the owner confirms its SHA-256 in the panel.
import { builtInActionDescriptions } from '../../../shared/messages/built-in-actions.js';
import type { ActionDefinition } from '../action-types.js';
import type { ActionFiles } from '../files/action-files.js';
import type { RemoteCode } from '../files/remote-code.js';

export interface RemoteCodeDeps {
  enabled: () => boolean;
  remote: RemoteCode;
  files: ActionFiles;
  /** Tells the owner that code waits for confirmation (a warning in the panel). */
  onPending?: (file: string, sha256: string) => void;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function createRemoteCodeActions(deps: RemoteCodeDeps): ActionDefinition[] {
  const requireOn = (): void => {
    if (!deps.enabled()) {
      throw new Error(
        'remote code is switched off (the owner can turn on settings.actions.remoteCode)',
      );
    }
  };
  return [
    {
      name: 'save_action_file',
      description: builtInActionDescriptions.save_action_file,
      permission: 'admin',
      devicesMayRun: false,
      source: 'built-in',
      run(call) {
        requireOn();
        const [file, data] = call.args;
        if (
          file === undefined ||
          data === undefined ||
          call.args.length > 2 ||
          !BASE64.test(data)
        ) {
          throw new Error('usage: save_action_file <file> <base64>');
        }
        const bytes = Buffer.from(data, 'base64');
        const hash = deps.remote.savePending(file, bytes);
        deps.onPending?.(file, hash);
        return `${file} received (${bytes.length} bytes, sha256 ${hash}); it runs after the owner confirms this hash`;
      },
    },
    {
      name: 'load_action_file',
      description: builtInActionDescriptions.load_action_file,
      permission: 'admin',
      devicesMayRun: false,
      source: 'built-in',
      async run(call) {
        requireOn();
        const file = call.args[0];
        if (file === undefined) throw new Error('usage: load_action_file <file>');
        if (deps.remote.isPending(file))
          return `${file} waits for the owner to confirm its SHA-256`;
        await deps.files.sync();
        const status = deps.files.status().find((entry) => entry.file === file);
        if (!status) throw new Error(`there is no action file ${file}`);
        if (status.status === 'invalid') throw new Error(`${file} is invalid: ${status.error}`);
        return `${file}: ${status.actions.join(' ') || 'no actions'}`;
      },
    },
  ];
}
