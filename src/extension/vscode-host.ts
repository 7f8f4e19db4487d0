/** The engine's file access through VS Code's file system API (works for remote and virtual folders). */
import * as vscode from 'vscode';
import type { DirectoryEntry, FileHost } from '../core/engine/api';

export function toEnginePath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath.replace(/\\/g, '/') : uri.path;
}

export function toUri(path: string, like?: vscode.Uri): vscode.Uri {
  if (!like || like.scheme === 'file') return vscode.Uri.file(path);
  return like.with({ path });
}

export class VscodeFileHost implements FileHost {
  constructor(private readonly like?: vscode.Uri) {}

  async readFile(path: string): Promise<Uint8Array | string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => toEnginePath(d.uri) === path);
    if (open) return open.getText();
    try {
      return await vscode.workspace.fs.readFile(toUri(path, this.like));
    } catch {
      return undefined;
    }
  }

  async readDirectory(path: string): Promise<DirectoryEntry[] | undefined> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(toUri(path, this.like));
      return entries.map(([name, type]) => ({
        name,
        type: type & vscode.FileType.SymbolicLink ? 'symlink' : type & vscode.FileType.Directory ? 'directory' : type & vscode.FileType.File ? 'file' : 'other',
      }));
    } catch {
      return undefined;
    }
  }
}
