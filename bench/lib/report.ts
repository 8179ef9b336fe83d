// What a scenario returns, and the table printed at the end.

export interface Row {
  metric: string;
  unit: string;
  /** Hearth on its own embedded broker. */
  hearth: number | null;
  /**
   * The same figure for Hearth running on Mosquitto (hub scenarios with devices; null where it
   * cannot be measured there, and the scenario's notes say why).
   */
  hearthOnMosquitto?: number | null;
  /** The same figure through Mosquitto, where the scenario has one. */
  mosquitto?: number | null;
  /** The same figure through raw aedes (no hooks), where the scenario has one. */
  aedes?: number | null;
  note?: string;
}

export interface ScenarioResult {
  scenario: string;
  rows: Row[];
  /** Failures counted by kind (never hidden); empty when all went well. */
  failures: Record<string, number>;
  /** Anything else worth keeping in the JSON file (settings, raw summaries). */
  details?: Record<string, unknown>;
  skipped?: string;
  /** What the scenario could not measure, or left out, and why (printed under its rows). */
  notes?: string[];
}

const show = (value: number | null | undefined): string => {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (Math.abs(value) >= 100 || Number.isInteger(value)) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

export function table(results: ScenarioResult[]): string {
  // The Hearth-on-Mosquitto columns only when some scenario ran Hearth on Mosquitto.
  const onMosquitto = results.some((result) =>
    result.rows.some((row) => row.hearthOnMosquitto !== undefined),
  );
  const header = ['scenario', 'metric', 'Hearth (embedded)', 'aedes', 'Mosquitto', 'H/M', 'H/A'];
  if (onMosquitto) header.push('Hearth on Mosquitto', 'HoM/H');
  header.push('note');
  const figures = header.length - 3; // the columns right-aligned: 2 … length - 2
  const blank = (): string[] => Array.from({ length: figures }, () => '');
  const lines: string[][] = [header];
  const ratio = (a: number | null | undefined, b: number | null | undefined): string =>
    a !== null && a !== undefined && b ? show(a / b) + 'x' : '';
  for (const result of results) {
    if (result.skipped) lines.push([result.scenario, 'skipped', ...blank(), result.skipped]);
    for (const row of result.rows) {
      const line = [
        result.scenario,
        `${row.metric} (${row.unit})`,
        show(row.hearth),
        row.aedes === undefined ? '' : show(row.aedes),
        row.mosquitto === undefined ? '' : show(row.mosquitto),
        ratio(row.hearth, row.mosquitto),
        ratio(row.hearth, row.aedes),
      ];
      if (onMosquitto) {
        line.push(
          row.hearthOnMosquitto === undefined ? '' : show(row.hearthOnMosquitto),
          ratio(row.hearthOnMosquitto, row.hearth),
        );
      }
      lines.push([...line, row.note ?? '']);
    }
    for (const note of result.notes ?? []) lines.push([result.scenario, 'note', ...blank(), note]);
    const failures = Object.entries(result.failures);
    const failed = failures.map(([kind, count]) => `${kind}: ${count}`).join(', ');
    const total = failures.reduce((sum, [, n]) => sum + n, 0);
    const counts = blank();
    counts[0] = String(total);
    lines.push([result.scenario, 'failures (count)', ...counts, failed]);
  }
  const widths = header.map((_, column) => Math.max(...lines.map((l) => l[column]!.length)));
  const format = (line: string[]): string =>
    line
      .map((cell, column) =>
        column >= 2 && column < header.length - 1
          ? cell.padStart(widths[column]!)
          : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [
    format(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...lines.slice(1).map(format),
  ].join('\n');
}

/**
 * One scenario's rows for Hearth (embedded) and Hearth on Mosquitto side by side, matched by
 * metric: each figure in its column, the notes of both kept (labelled when they differ). A side
 * that did not run is left out (undefined); a metric only one side has gets null on the other.
 */
export function sideBySide(embedded: Row[] | null, onMosquitto: Row[] | null): Row[] {
  const out: Row[] = [];
  const other = new Map((onMosquitto ?? []).map((row) => [row.metric, row]));
  const both = embedded !== null && onMosquitto !== null;
  const noteOf = (e: Row | undefined, m: Row | undefined): string | undefined => {
    const notes = [e?.note, m?.note];
    if (!both || notes[0] === notes[1]) return notes[0] ?? notes[1];
    const labelled = [
      notes[0] ? `embedded: ${notes[0]}` : '',
      notes[1] ? `on Mosquitto: ${notes[1]}` : '',
    ];
    return labelled.filter(Boolean).join('; ') || undefined;
  };
  for (const row of embedded ?? []) {
    const m = other.get(row.metric);
    other.delete(row.metric);
    const note = noteOf(row, m);
    out.push({
      ...row,
      ...(onMosquitto !== null ? { hearthOnMosquitto: m ? m.hearth : null } : {}),
      ...(note ? { note } : {}),
    });
  }
  for (const m of other.values()) {
    const note = noteOf(undefined, m);
    out.push({
      ...m,
      hearth: null,
      hearthOnMosquitto: m.hearth,
      ...(note ? { note } : {}),
    });
  }
  return out;
}

/** Adds one to a failure count. */
export function count(failures: Record<string, number>, kind: string): void {
  failures[kind] = (failures[kind] ?? 0) + 1;
}
