// An action failing in a way the hub can name (a hand_shake from the wrong client, too many of
// them): thrown with its problem and parameters, so the `action_error` event and the activity
// history carry them rather than only the English. Anything else thrown is `action_failed`.
import {
  actionErrorMessages,
  type ActionProblem,
  type ActionProblemOf,
  type ActionProblemParams,
} from '../../shared/messages/action-errors.js';

export function actionProblemEnglish<P extends ActionProblem>(
  problem: P,
  params: ActionProblemParams<P>,
): string {
  return (actionErrorMessages[problem].en as (params: ActionProblemParams<P>) => string)(params);
}

/** The same, for a problem and its parameters held together. */
export function problemEnglish(problem: ActionProblemOf): string {
  return actionProblemEnglish(problem.problem, problem.params);
}

/**
 * An action file's problem as the `action_error` event says it: the file (and the export) in
 * front of what its status says, e.g. `greet.mjs: export hello takes 3 parameters; …`.
 */
export function fileProblemEnglish(problem: ActionProblemOf): string {
  const params = problem.params as { file?: string; export?: string };
  if (params.file === undefined) return problemEnglish(problem);
  const about = params.export === undefined ? '' : `export ${params.export} `;
  return `${params.file}: ${about}${problemEnglish(problem)}`;
}

export class ActionProblemError extends Error {
  override readonly name = 'ActionProblemError';

  constructor(readonly problem: ActionProblemOf) {
    super(problemEnglish(problem));
  }
}

/** A problem as thrown (coded, or anything else: quoted as `action_failed`). */
export function problemOf(action: string, error: unknown): ActionProblemOf {
  if (error instanceof ActionProblemError) return error.problem;
  const text = error instanceof Error ? error.message : String(error);
  return { problem: 'action_failed', params: { action, error: text } };
}
