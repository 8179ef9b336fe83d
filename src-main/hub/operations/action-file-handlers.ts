// Action files over HubApi: status, upload, removal, confirming remotely sent code.
import type { ActionFileOperations } from '../actions/files/action-file-operations.js';
import type { OperationHandlers } from '../hub-caller.js';

type ActionFileHandlers = Pick<
  OperationHandlers,
  'listActionFiles' | 'uploadActionFile' | 'deleteActionFile' | 'confirmActionFile'
>;

export function actionFileHandlers(files: ActionFileOperations): ActionFileHandlers {
  return {
    listActionFiles: () => files.files(),
    uploadActionFile: (input) => files.upload(input),
    deleteActionFile: (input) => files.remove(input),
    confirmActionFile: (input) => files.confirm(input),
  };
}
