/** Waiting for the extension's diagnostics without sleeping: driven by onDidChangeDiagnostics. */
import * as vscode from 'vscode';

export const DIAGNOSTIC_SOURCE = 'ENISA Health';

export type DiagnosticsPredicate = (diagnostics: readonly vscode.Diagnostic[]) => boolean;

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` accepts them (checked now and on
 * every change for that uri); rejects after `timeoutMs` showing what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: DiagnosticsPredicate,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!predicate(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`diagnostics of ${uri.fsPath} did not match within ${timeoutMs} ms; present: ${seen.length ? seen.join('; ') : 'none'}`));
    }, timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Predicate: at least `count` diagnostics come from this extension. */
export function fromExtension(count = 1): DiagnosticsPredicate {
  return (diagnostics) => diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE).length >= count;
}

export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return `${diagnostic.source ?? '?'} ${code ?? ''} @${diagnostic.range.start.line + 1}: ${diagnostic.message}`;
}
