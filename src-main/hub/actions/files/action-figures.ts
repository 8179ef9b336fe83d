// Per-action figures for the panel and GET /api/v1/actions: calls, errors, the last error, and
// the mean and worst time of a call.
import type { ActionProblemOf } from '../../../shared/messages/action-errors.js';

export interface ActionFigures {
  calls: number;
  errors: number;
  lastError: string | null;
  /** The last error as a problem and its parameters, for the panel's own words. */
  lastProblem: ActionProblemOf | null;
  meanMs: number;
  worstMs: number;
}

/** What went wrong in a call: its English (as thrown) and its problem. */
export interface CallError {
  message: string;
  problem: ActionProblemOf;
}

const NO_FIGURES: ActionFigures = {
  calls: 0,
  errors: 0,
  lastError: null,
  lastProblem: null,
  meanMs: 0,
  worstMs: 0,
};

export class FigureBook {
  private readonly figures = new Map<string, ActionFigures & { totalMs: number }>();

  record(name: string, ms: number, error: CallError | null): void {
    const entry = this.figures.get(name) ?? { ...NO_FIGURES, totalMs: 0 };
    entry.calls++;
    entry.totalMs += ms;
    entry.meanMs = Math.round((entry.totalMs / entry.calls) * 100) / 100;
    entry.worstMs = Math.max(entry.worstMs, Math.round(ms * 100) / 100);
    if (error !== null) {
      entry.errors++;
      entry.lastError = error.message;
      entry.lastProblem = error.problem;
    }
    this.figures.set(name, entry);
  }

  get(name: string): ActionFigures {
    const entry = this.figures.get(name);
    if (!entry) return { ...NO_FIGURES };
    const { totalMs: _total, ...figures } = entry;
    return figures;
  }
}
