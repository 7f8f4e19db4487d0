/**
 * Activation: wires the engine to VS Code. Everything here is a thin adapter; rules, parsing and
 * fixes live in src/core.
 */
import * as vscode from 'vscode';
import { EngineProvider } from './engine-provider';
import { LintController } from './lint-controller';

export interface ExtensionApi {
  controller: LintController;
  engines: EngineProvider;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const engines = new EngineProvider();
  const settings = () => vscode.workspace.getConfiguration('enisaHealth');
  const controller = new LintController(
    engines,
    () => settings().get<number>('debounceMs', 250),
    () => settings().get<string>('run', 'onType') === 'onType',
  );
  context.subscriptions.push(engines, controller);
  engines.configErrors.event(({ errors }) => {
    void vscode.window.showWarningMessage(`ENISA Health: .enisa-health.yaml has ${errors.length} problem(s) and was not applied: ${errors[0]}`);
  });
  controller.lintOpenDocuments();
  return { controller, engines };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
