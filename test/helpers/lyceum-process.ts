import { type ChildProcess, spawn } from 'node:child_process';

// Real `lyceum` processes from the compiled build in dist/ (refresh with `npx tsc -p tsconfig.json`).
const ROOT = new URL('../../', import.meta.url).pathname;
const servers: ChildProcess[] = [];
let nextPort = 42_000 + Math.floor(Math.random() * 10_000);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one `lyceum …` command against `databaseUrl` and collects its output. */
export function runLyceum(args: string[], databaseUrl: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lyceum.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServedLyceum {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr, line by line (JSON log lines included). */
  lines: string[];
  alive(): boolean;
}

/**
 * `lyceum serve` on a free port, not waited for (see serveLyceum). LOG_LEVEL is warn unless `env`
 * says otherwise; `env` adds or overrides settings.
 */
export function startLyceum(databaseUrl: string, env: Record<string, string> = {}): ServedLyceum {
  const port = nextPort++;
  const child = spawn(process.execPath, ['bin/lyceum.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line.trim() !== ''));
    });
    stream.on('end', () => {
      if (rest.trim() !== '') lines.push(rest);
    });
  }
  const alive = () => child.exitCode === null && child.signalCode === null;
  return { url: `http://127.0.0.1:${port}`, child, lines, alive };
}

/** `lyceum serve` on a free port; resolves once /readyz answers, fails with the process's output if it never does. */
export async function serveLyceum(databaseUrl: string, env: Record<string, string> = {}): Promise<ServedLyceum> {
  for (let attempt = 1; ; attempt++) {
    const served = startLyceum(databaseUrl, env);
    for (let i = 0; i < 600 && served.alive(); i++) {
      try {
        if ((await fetch(`${served.url}/readyz`)).ok) return served;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    // Its last words may still be in the pipe.
    await new Promise((r) => setTimeout(r, 50));
    // Test files run side by side, each counting ports up from its own random start: when another
    // file's server holds this one, the next port will do.
    const portTaken = served.lines.some((line) => line.includes('EADDRINUSE'));
    if (portTaken && attempt < 5) continue;
    throw new Error(`lyceum serve at ${served.url} did not become ready:\n${served.lines.join('\n')}`);
  }
}

/** Stops every server started so far and waits until they are gone (they hold database locks while they run). */
export async function stopServers(): Promise<void> {
  await Promise.all(
    servers.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/**
 * One JSON request, with a person's API token or none; `ms` is how long the answer took. Gives up
 * (throws) after `timeoutMs`, so a hanging server fails the test instead of stalling it.
 */
export async function callApi(
  url: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  { timeoutMs = 60_000 }: { timeoutMs?: number } = {},
) {
  const started = Date.now();
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, body: (await res.json()) as any, ms: Date.now() - started };
}
