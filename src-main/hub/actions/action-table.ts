// The action table: name -> action. Built-ins are registered by their services; action files
// join them in the actions issue.
import { ACTION_NAME, type ActionDefinition } from './action-types.js';

export class ActionTable {
  private readonly actions = new Map<string, ActionDefinition>();

  register(action: ActionDefinition): void {
    if (!ACTION_NAME.test(action.name)) {
      throw new Error(`action name "${action.name}" must match ${ACTION_NAME.source}`);
    }
    if (this.actions.has(action.name))
      throw new Error(`action "${action.name}" is already registered`);
    this.actions.set(action.name, action);
  }

  get(name: string): ActionDefinition | undefined {
    return this.actions.get(name);
  }

  list(): ActionDefinition[] {
    return [...this.actions.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
