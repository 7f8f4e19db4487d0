/**
 * The files a workspace scan lints: the same names the CLI walks (`*.tf`, `*.tfvars`, YAML, JSON,
 * properties, `.env`, `.conf`), found with `findFiles` while honouring `files.exclude`, the
 * `enisaHealth.excludePaths` setting and the folder's top-level `.gitignore`; dependency and
 * tool folders are never entered.
 */
import * as vscode from 'vscode';
import { GitignoreSet, parseGitignore } from '../cli/walk/gitignore';
import { decodeText } from '../core/text/decode';
import { relativeTo } from './relative-result';
import { toEnginePath } from './vscode-host';

export const LINTABLE_NAME = /\.(tf|tfvars|ya?ml|json|properties|env|conf)$/i;
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.terraform/**', '**/.git/**'];

function excludeGlob(folder: vscode.WorkspaceFolder): string {
  const filesExclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, boolean>>('exclude') ?? {};
  const userExcludes = vscode.workspace.getConfiguration('enisaHealth', folder.uri).get<string[]>('excludePaths') ?? [];
  const patterns = [
    ...ALWAYS_EXCLUDED,
    ...Object.entries(filesExclude)
      .filter(([, on]) => on === true)
      .map(([glob]) => glob),
    // A pattern without a slash matches at any depth, like the CLI's --exclude.
    ...userExcludes.flatMap((glob) => (glob.includes('/') ? [glob, `${glob}/**`] : [`**/${glob}`, `**/${glob}/**`])),
  ];
  return `{${patterns.join(',')}}`;
}

async function gitignoreOf(folder: vscode.WorkspaceFolder): Promise<GitignoreSet> {
  const set = new GitignoreSet();
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.gitignore'));
    set.add(parseGitignore(decodeText(bytes).text, ''));
  } catch {
    // No .gitignore: nothing more to leave out.
  }
  return set;
}

export async function findWorkspaceFiles(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), excludeGlob(folder), undefined, token);
  const gitignore = await gitignoreOf(folder);
  const root = toEnginePath(folder.uri);
  return found
    .filter((uri) => LINTABLE_NAME.test(uri.path))
    .filter((uri) => !gitignore.ignores(relativeTo(root, toEnginePath(uri)), false))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
