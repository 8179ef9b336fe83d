// What a scenario returns, and the table printed at the end.

export interface Row {
  metric: string;
  unit: string;
  hearth: number | null;
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
}

const show = (value: number | null | undefined): string => {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (Math.abs(value) >= 100 || Number.isInteger(value)) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

export function table(results: ScenarioResult[]): string {
  const lines: string[][] = [
    ['scenario', 'metric', 'Hearth', 'aedes', 'Mosquitto', 'H/M', 'H/A', 'note'],
  ];
  const ratio = (a: number | null, b: number | null | undefined): string =>
    a !== null && b ? show(a / b) + 'x' : '';
  for (const result of results) {
    if (result.skipped) {
      lines.push([result.scenario, 'skipped', '', '', '', '', '', result.skipped]);
    }
    for (const row of result.rows) {
      lines.push([
        result.scenario,
        `${row.metric} (${row.unit})`,
        show(row.hearth),
        row.aedes === undefined ? '' : show(row.aedes),
        row.mosquitto === undefined ? '' : show(row.mosquitto),
        ratio(row.hearth, row.mosquitto),
        ratio(row.hearth, row.aedes),
        row.note ?? '',
      ]);
    }
    const failures = Object.entries(result.failures);
    const failed = failures.map(([kind, count]) => `${kind}: ${count}`).join(', ');
    const total = failures.reduce((sum, [, n]) => sum + n, 0);
    lines.push([result.scenario, 'failures (count)', String(total), '', '', '', '', failed]);
  }
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((l) => l[column]!.length)));
  const format = (line: string[]): string =>
    line
      .map((cell, column) =>
        column >= 2 && column <= 6 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [
    format(lines[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...lines.slice(1).map(format),
  ].join('\n');
}

/** Adds one to a failure count. */
export function count(failures: Record<string, number>, kind: string): void {
  failures[kind] = (failures[kind] ?? 0) + 1;
}
