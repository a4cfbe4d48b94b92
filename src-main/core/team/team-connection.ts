import pg from 'pg';
import { SparringError } from '../errors';
import { NewerTeamSchemaError, TEAM_SCHEMA_VERSION, teamSchemaVersion } from './team-schema';

/** How long a connection attempt may take before the store counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5000;

/** The URL as it may be shown: the password replaced by stars. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return '(not a valid URL)';
  }
}

/** Refuses what is not a PostgreSQL URL before trying to connect, saying what one looks like. */
export function checkTeamUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new SparringError('team_url', `"${redactUrl(url)}" is not a URL. ${URL_SHAPE}`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    throw new SparringError('team_url', `A team store URL starts with postgres://. ${URL_SHAPE}`);
  if (!u.username) throw new SparringError('team_url', `The URL names no login. ${URL_SHAPE}`);
}

const URL_SHAPE =
  'It looks like postgres://LOGIN:PASSWORD@HOST:5432/DATABASE (add ?sslmode=require for TLS); your admin gives it to you.';

/**
 * Connects as the person the URL names (TLS as the URL's sslmode says) and turns every way that
 * can fail into one plain message: unreachable, wrong password, no such database, no team schema,
 * a schema newer than this app.
 */
export async function connectTeam(url: string, options: { checkSchema?: boolean } = {}): Promise<pg.Client> {
  checkTeamUrl(url);
  const client = new pg.Client({
    connectionString: url.trim(),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'sparring',
    // Nothing waits for ever: a lock held elsewhere, a statement or a transaction left hanging.
    lock_timeout: 15_000,
    statement_timeout: 120_000,
    idle_in_transaction_session_timeout: 60_000,
    query_timeout: 150_000,
  });
  // A connection that drops later (server stopped) must not crash the process: the next query fails instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
    if (options.checkSchema !== false) {
      const version = await teamSchemaVersion(client);
      if (version === 0)
        throw new SparringError(
          'team_schema_missing',
          'This database has no Sparring team schema yet. Whoever set up the server runs `sparring team init` once.',
        );
      if (version > TEAM_SCHEMA_VERSION) throw new NewerTeamSchemaError(version);
      if (version < TEAM_SCHEMA_VERSION)
        throw new SparringError(
          'team_schema_old',
          `The team store has an older schema (${version}; this Sparring needs ${TEAM_SCHEMA_VERSION}). ` +
            'Whoever set up the server runs `sparring team init` to bring it up to date.',
        );
    }
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw teamError(error, url);
  }
}

const KEEP_GOING = 'You can keep practising; Sparring syncs when it is back.';

/** A connection or query failure as a message for the person at the keyboard (SparringErrors pass through). */
export function teamError(error: unknown, url?: string): SparringError {
  if (error instanceof SparringError) return error;
  const e = error as { code?: string; message?: string };
  const where = url ? hostOf(url) : 'the team store';
  switch (e.code) {
    case '28P01':
      return new SparringError(
        'team_bad_password',
        `The team store at ${where} refused the password for this login. Check the URL your admin gave you.`,
      );
    case '28000':
      return new SparringError(
        'team_login_refused',
        `The team store at ${where} does not accept this login (${e.message}). Ask your admin to add you.`,
      );
    case '3D000':
      return new SparringError('team_no_database', `${where} has no such database (${e.message}). Check the URL.`);
    case '42501':
      return new SparringError(
        'team_not_allowed',
        `The team store did not allow that for this login (${e.message}). Ask your admin which role you have.`,
      );
    case '57P01': // terminated by an administrator (a restart)
    case '57P03': // starting up or shutting down
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EAI_AGAIN':
      return new SparringError(
        'team_unreachable',
        `The team store at ${where} cannot be reached (${e.code}). ${KEEP_GOING}`,
      );
  }
  if (/timeout|terminated|Connection terminated|ended unexpectedly/i.test(e.message ?? ''))
    return new SparringError(
      'team_unreachable',
      `The team store at ${where} did not answer (${e.message}). ${KEEP_GOING}`,
    );
  if (/SSL|TLS|certificate/i.test(e.message ?? ''))
    return new SparringError(
      'team_tls',
      `A secure connection to ${where} failed: ${e.message}. Check sslmode in the URL.`,
    );
  return new SparringError('team_failed', `The team store at ${where} answered with an error: ${e.message ?? e}`);
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the team store';
  }
}
