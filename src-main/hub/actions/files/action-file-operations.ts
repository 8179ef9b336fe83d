// The HubApi handlers for action files (contract 3.2: upload, remove, confirm remotely sent
// code) and the figures for GET /api/v1/actions, as plain functions the operation table wires
// in. Errors are ApiErrors with codes from the catalogue.
import type { ActionProblemOf } from '../../../shared/messages/action-errors.js';
import { ApiError } from '../../api/error-catalogue.js';
import { problemEnglish } from '../action-problem.js';
import type { ActionCatalog } from './action-catalog.js';
import type { ActionFigures } from './action-figures.js';
import type { ActionFiles, FileStatus } from './action-files.js';
import { MAX_ACTION_FILE_BYTES } from './action-folder.js';
import { ActionFileError, type RemoteCode } from './remote-code.js';

export interface ActionFileOperations {
  figures(name: string): ActionFigures;
  files(): { files: FileStatus[]; pending: Array<{ file: string; sha256: string }> };
  upload(input: { file: string; contentBase64: string }): Promise<UploadResult>;
  remove(input: { file: string }): Promise<{ file: string }>;
  confirm(input: { file: string; sha256: string }): Promise<{ file: string; sha256: string }>;
}

/** An upload and what loading it gave: the panel shows an invalid file as the error it is. */
export interface UploadResult {
  file: string;
  sha256: string;
  status: 'loaded' | 'invalid';
  error: string | null;
  problem: ActionProblemOf | null;
  actions: string[];
}

export function actionFileOperations(
  catalog: ActionCatalog,
  files: ActionFiles,
  remote: RemoteCode,
): ActionFileOperations {
  return {
    figures: (name) => catalog.figuresOf(name),
    files: () => ({ files: files.status(), pending: remote.pending() }),
    upload: async ({ file, contentBase64 }) => {
      // base64 is 4/3 of the bytes: refuse a body that cannot fit before decoding it.
      if (contentBase64.length > Math.ceil(MAX_ACTION_FILE_BYTES / 3) * 4 + 4) {
        throw new ApiError(
          'payload_too_large',
          `an action file is at most ${MAX_ACTION_FILE_BYTES} bytes`,
        );
      }
      const saved = await asApiError(() =>
        remote.install(file, Buffer.from(contentBase64, 'base64')),
      );
      const loaded = files.status().find((entry) => entry.file === saved.file);
      return {
        ...saved,
        status: loaded?.status ?? 'invalid',
        ...(loaded ? { error: loaded.error, problem: loaded.problem } : notFound(saved.file)),
        actions: loaded?.status === 'loaded' ? loaded.actions : [],
      };
    },
    remove: async ({ file }) => {
      await asApiError(() => remote.remove(file));
      return { file };
    },
    confirm: ({ file, sha256 }) => asApiError(() => remote.confirm(file, sha256)),
  };
}

/** Saved, but the folder's next reading did not find it (removed meanwhile). */
function notFound(file: string): Pick<UploadResult, 'error' | 'problem'> {
  const problem: ActionProblemOf = { problem: 'file_vanished', params: { file } };
  return { error: problemEnglish(problem), problem };
}

async function asApiError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ActionFileError)) throw error;
    const code =
      error.code === 'too_large'
        ? 'payload_too_large'
        : error.code === 'not_found'
          ? 'not_found'
          : 'bad_request';
    throw new ApiError(code, error.message);
  }
}
