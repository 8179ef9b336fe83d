// The stranger gallery's JSON operations (list, one, delete); image bytes go through
// strangers/stranger-routes.ts instead.
import type { OperationHandlers } from '../hub-caller.js';
import { ApiError } from '../api/error-catalogue.js';
import type { StrangerService } from '../strangers/stranger-service.js';

type StrangerHandlers = Pick<OperationHandlers, 'listStrangers' | 'getStranger' | 'deleteStranger'>;

export function strangerHandlers(strangers: StrangerService): StrangerHandlers {
  return {
    listStrangers: ({ limit, before, camera }) => ({
      strangers: strangers.list({ limit, before, camera }),
    }),
    getStranger: ({ id }) => {
      const stranger = strangers.get(id);
      if (!stranger) throw new ApiError('unknown_stranger');
      return stranger;
    },
    deleteStranger: async ({ id }) => {
      if (!(await strangers.remove(id))) throw new ApiError('unknown_stranger');
      return { id, deleted: true as const };
    },
  };
}
