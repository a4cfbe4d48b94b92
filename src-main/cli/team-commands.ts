/** `team`: set up the team store in PostgreSQL, add people, see where it stands, sync this folder. */
import { parseArgs } from 'node:util';
import { addTeamPerson, connectTeam, initTeamSchema, redactUrl, setManager, teamStatus, type TeamRole } from '../core';
import { UsageError, withApi } from './cli-context';

const USAGE = `Usage:
  sparring team init [--url <owner url>]
  sparring team add-person --name <name> --role rep|manager|designer|admin [--manager <name>] [--url <owner url>]
  sparring team set-manager --name <rep> --manager <manager> [--url <owner url>]
  sparring team status [--url <url>]
  sparring team sync
  sparring team publish <pack folder>
The URL defaults to SPARRING_TEAM_DATABASE_URL. init and add-person need the database owner's URL.`;

const ROLES: TeamRole[] = ['rep', 'manager', 'designer', 'admin'];

export async function team(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      manager: { type: 'string' },
    },
  });
  const [action, ...rest] = positionals;
  const url = values.url ?? process.env.SPARRING_TEAM_DATABASE_URL;
  const needUrl = () => {
    if (!url) throw new UsageError(`No team store URL: pass --url or set SPARRING_TEAM_DATABASE_URL.\n${USAGE}`);
    return url;
  };

  if (action === 'init' && !rest.length) {
    const client = await connectTeam(needUrl(), { checkSchema: false });
    try {
      const { from, to } = await initTeamSchema(client);
      console.log(
        from === to
          ? `The team schema at ${redactUrl(url!)} is already at version ${to}; nothing to do.`
          : `Team schema ${from === 0 ? 'created' : `migrated from version ${from}`} at version ${to}, with the ` +
              'group roles sparring_rep, sparring_manager, sparring_designer, sparring_admin and their ' +
              'row-level policies.',
      );
    } finally {
      await client.end();
    }
  } else if (action === 'add-person' && !rest.length) {
    if (!values.name) throw new UsageError(`--name is required.\n${USAGE}`);
    const role = values.role as TeamRole;
    if (!ROLES.includes(role)) throw new UsageError(`--role is one of ${ROLES.join(', ')}.\n${USAGE}`);
    const client = await connectTeam(needUrl());
    try {
      const p = await addTeamPerson(client, url!, { name: values.name, role, manager: values.manager ?? null });
      console.log(`Added ${p.name} (${p.role}) with the login ${p.login}.`);
      console.log(`Their URL (give it to them privately; the password is not shown again):\n  ${p.url}`);
    } finally {
      await client.end();
    }
  } else if (action === 'set-manager' && !rest.length) {
    if (!values.name || !values.manager) throw new UsageError(`--name and --manager are required.\n${USAGE}`);
    const client = await connectTeam(needUrl());
    try {
      await setManager(client, values.name, values.manager);
      console.log(`${values.name} is now managed by ${values.manager}; their attempts reach them on the next sync.`);
    } finally {
      await client.end();
    }
  } else if (action === 'status' && !rest.length) {
    const client = await connectTeam(needUrl());
    try {
      const s = await teamStatus(client);
      console.log(`Team store ${redactUrl(url!)}, schema version ${s.schemaVersion}.`);
      for (const p of s.people)
        console.log(`  ${p.role.padEnd(8)} ${p.name} (${p.login})${p.manager ? `, managed by ${p.manager}` : ''}`);
      const mb = s.audioBytes / 1048576;
      const perMinute = s.answerMinutes ? ` (${(mb / s.answerMinutes).toFixed(3)} MB a minute)` : '';
      console.log(
        `${s.people.length} people, ${s.attempts} attempts, ${s.answerMinutes.toFixed(1)} answer-minutes of audio in ` +
          `${mb.toFixed(1)} MB${perMinute}, ${s.packs} pack versions.`,
      );
    } finally {
      await client.end();
    }
  } else if (action === 'sync' && !rest.length) {
    needUrl();
    await withApi(undefined, async (api) => {
      const { report, status } = await api.team.syncNow({});
      console.log(
        `Synced as ${status.person?.name ?? '?'}: pushed ${report.pushedAttempts} attempts and ` +
          `${report.pushedReviews} reviews; pulled ${report.pulledAttempts} attempts, ${report.pulledReviews} ` +
          `reviews, ${report.pulledPacks} packs` +
          `${report.refused ? `; refused ${report.refused} (they failed the checks an imported file gets)` : ''}.`,
      );
    });
  } else if (action === 'publish' && rest.length === 1) {
    needUrl();
    await withApi(undefined, async (api) => {
      const { pack, version } = await api.team.publishPack({ pack: rest[0]! });
      console.log(`Published ${pack} as version ${version}: every rep gets it on their next sync.`);
    });
  } else throw new UsageError(USAGE);
}
