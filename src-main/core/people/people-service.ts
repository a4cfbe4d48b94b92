import type { CoreContext } from '../context';
import type { Profile, ProfileRole } from '../domain';
import { SparringError, notFound } from '../errors';

/**
 * Who is who: the person using this copy of Sparring (asked on the first run), the other people
 * whose attempts or reviews are here, and what each may do. Reps practise; managers review; a
 * person never reviews their own attempt.
 */
export class PeopleService {
  constructor(private readonly ctx: Pick<CoreContext, 'people'>) {}

  /** The person using Sparring here (unconfirmed until they say who they are). */
  me(): Profile {
    return this.ctx.people.self();
  }

  list(): Profile[] {
    this.ctx.people.self(); // there is always someone using the app
    return this.ctx.people.list();
  }

  /** The first run's "who are you", or a change of name or roles: saves the person using Sparring here. */
  setUpMe(name: string, roles: ProfileRole[]): Profile {
    const me = this.me();
    const clash = this.ctx.people.byName(name);
    if (clash && clash.id !== me.id) {
      throw new SparringError(
        'name_taken',
        `"${clash.name}" is already someone else here: switch to them, or use another name.`,
      );
    }
    return this.ctx.people.save({ id: me.id, name: name.trim(), roles: uniqueRoles(roles) });
  }

  /** Adds another person (a manager who reviews on this computer, a colleague who practises on it). */
  add(name: string, roles: ProfileRole[]): Profile {
    if (this.ctx.people.byName(name))
      throw new SparringError('name_taken', `There is already a person called "${name}" here.`);
    return this.ctx.people.save({ name: name.trim(), roles: uniqueRoles(roles) });
  }

  /** Another person sits down at this computer: from now on attempts and reviews are theirs. */
  use(id: number): Profile {
    if (!this.ctx.people.byId(id)) throw notFound(`Person ${id}`);
    this.ctx.people.setSelf(id);
    return this.me();
  }

  /**
   * The person using Sparring, when they may review this rep's attempt: a manager, and not the rep
   * (a rep never overrides, or certifies, their own attempt). Otherwise a clear refusal.
   */
  reviewerFor(repId: number): Profile {
    const me = this.me();
    if (me.id === repId) {
      throw new SparringError(
        'own_attempt',
        'This is your own attempt: a manager reviews it, not the rep who practised it.',
      );
    }
    if (!me.roles.includes('manager')) {
      throw new SparringError(
        'not_a_reviewer',
        `${me.name} is not a manager here, so cannot change scores. Add the manager role in Settings → People, or ` +
          `switch to a manager.`,
      );
    }
    return me;
  }

  /** The person using Sparring, when a manager; `what` names the manager's page that refused. */
  manager(what: string): Profile {
    const me = this.me();
    if (!me.roles.includes('manager'))
      throw new SparringError(
        'not_a_manager',
        `${what} ${what.endsWith('s') ? 'are' : 'is'} for managers; ${me.name} is not one here (Settings → People).`,
      );
    return me;
  }
}

function uniqueRoles(roles: ProfileRole[]): ProfileRole[] {
  const unique = [...new Set(roles)];
  if (!unique.length) throw new SparringError('roles_required', 'Choose at least one role: rep, manager or designer.');
  return unique;
}
