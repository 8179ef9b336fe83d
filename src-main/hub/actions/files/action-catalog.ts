// The action table with action files in it: built-ins are registered as before and always win
// a name; file actions come and go as files load, change and are removed. Every run is timed
// for the per-action figures.
import { problemOf } from '../action-problem.js';
import { ActionTable } from '../action-table.js';
import type { ActionDefinition } from '../action-types.js';
import { FigureBook, type ActionFigures } from './action-figures.js';

export class ActionCatalog extends ActionTable {
  private readonly byFile = new Map<string, ActionDefinition[]>();
  readonly figures = new FigureBook();

  isBuiltIn(name: string): boolean {
    return super.get(name) !== undefined;
  }

  /** Replaces the actions that came from `file`. */
  setFileActions(file: string, actions: ActionDefinition[]): void {
    this.byFile.set(file, actions);
  }

  removeFile(file: string): void {
    this.byFile.delete(file);
  }

  /** The file that currently provides `name`, if a file does. */
  fileOf(name: string): string | undefined {
    return this.fileAction(name) && (this.fileAction(name)!.source as { file: string }).file;
  }

  override get(name: string): ActionDefinition | undefined {
    const action = super.get(name) ?? this.fileAction(name);
    return action && this.timed(action);
  }

  override list(): ActionDefinition[] {
    const names = new Set(super.list().map((action) => action.name));
    const fromFiles = [...this.byFile.values()].flat().filter((action) => !names.has(action.name));
    return [...super.list(), ...fromFiles].sort((a, b) => a.name.localeCompare(b.name));
  }

  figuresOf(name: string): ActionFigures {
    return this.figures.get(name);
  }

  private fileAction(name: string): ActionDefinition | undefined {
    for (const actions of this.byFile.values()) {
      const found = actions.find((action) => action.name === name);
      if (found) return found;
    }
    return undefined;
  }

  private timed(action: ActionDefinition): ActionDefinition {
    const figures = this.figures;
    return {
      ...action,
      async run(call) {
        const started = performance.now();
        try {
          const result = await action.run(call);
          figures.record(action.name, performance.now() - started, null);
          return result;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const problem = problemOf(action.name, error);
          figures.record(action.name, performance.now() - started, { message, problem });
          throw error;
        }
      },
    };
  }
}
