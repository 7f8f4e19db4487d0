/** Problems in `.enisa-health.yaml` shown on the file itself (the engine then runs on defaults). */
import * as vscode from 'vscode';
import type { ConfigError } from '../core/config';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export class ConfigDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('enisa-health-config');

  show(configUri: vscode.Uri, errors: readonly ConfigError[]): void {
    if (errors.length === 0) {
      this.collection.delete(configUri);
      return;
    }
    this.collection.set(
      configUri,
      errors.map((error) => {
        const line = Math.max(0, error.line - 1);
        const column = Math.max(0, error.column - 1);
        const message = `${error.message.replace(/^\.enisa-health\.yaml:\s*/, '')} (the file is not applied until this is fixed)`;
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, column, line, column + 1000), message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = 'config-invalid';
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    this.collection.dispose();
  }
}
