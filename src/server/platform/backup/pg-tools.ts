import { spawn } from 'node:child_process';
import { BackupRefused } from './backup-file.js';

/**
 * pg_dump and pg_restore take the same connection URI as Lyceum, minus the password: a password
 * on a command line is visible to every user of the machine (ps), so it travels in PGPASSWORD.
 */
export function libpqConnection(url: string): { uri: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  // libpq decodes %XX only: a space written as '+' (as URLSearchParams writes it, and node-pg
  // reads it) would reach the server as '+', e.g. in options=-c search_path=….
  const query = [...parsed.searchParams].map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  parsed.search = query.length ? `?${query.join('&')}` : '';
  return { uri: parsed.toString(), password };
}

/** A string the POSIX shell reads back as one word. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export function commandLine(tool: string, args: string[], password: string | undefined): string {
  const env = password === undefined ? '' : `PGPASSWORD='<the password in DATABASE_URL>' `;
  return `${env}${tool} ${args.map(shellQuote).join(' ')}`;
}

/** Thrown when the PostgreSQL client tool is not installed here; the message says what to run instead. */
export class PgToolMissing extends BackupRefused {}

/**
 * Runs a PostgreSQL client tool; resolves with its stdout when `capture` is set (otherwise the
 * output passes through). A tool that is not on `environment`'s PATH becomes a PgToolMissing
 * with `missing`.
 */
export function runPgTool(
  tool: 'pg_dump' | 'pg_restore',
  args: string[],
  options: {
    password: string | undefined;
    environment: Readonly<Record<string, string | undefined>>;
    missing: string;
    capture?: boolean;
  },
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, args, {
      env: options.password === undefined ? options.environment : { ...options.environment, PGPASSWORD: options.password },
      stdio: ['ignore', options.capture ? 'pipe' : 'inherit', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new PgToolMissing(options.missing));
      else reject(error);
    });
    child.once('close', (code) => {
      if (code === 0) resolvePromise(stdout);
      else reject(new BackupRefused(`${tool} failed (exit code ${code}): ${stderr.trim() || 'no message'}`));
    });
  });
}
