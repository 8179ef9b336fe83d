// Per-action figures for the panel and GET /api/v1/actions: calls, errors, the last error, and
// the mean and worst time of a call.
export interface ActionFigures {
  calls: number;
  errors: number;
  lastError: string | null;
  meanMs: number;
  worstMs: number;
}

export class FigureBook {
  private readonly figures = new Map<string, ActionFigures & { totalMs: number }>();

  record(name: string, ms: number, error: string | null): void {
    const entry = this.figures.get(name) ?? {
      calls: 0,
      errors: 0,
      lastError: null,
      meanMs: 0,
      worstMs: 0,
      totalMs: 0,
    };
    entry.calls++;
    entry.totalMs += ms;
    entry.meanMs = Math.round((entry.totalMs / entry.calls) * 100) / 100;
    entry.worstMs = Math.max(entry.worstMs, Math.round(ms * 100) / 100);
    if (error !== null) {
      entry.errors++;
      entry.lastError = error;
    }
    this.figures.set(name, entry);
  }

  get(name: string): ActionFigures {
    const entry = this.figures.get(name);
    if (!entry) return { calls: 0, errors: 0, lastError: null, meanMs: 0, worstMs: 0 };
    const { totalMs: _total, ...figures } = entry;
    return figures;
  }
}
