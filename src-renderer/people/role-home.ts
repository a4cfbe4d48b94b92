import type { Profile } from '../../src-main/core/domain';
import { DEFAULT_QUEUE, type View } from '../router';

/**
 * Where the app opens for this person: a manager on the review queue, a designer on the
 * scenarios, a rep on practice.
 */
export function roleHome(me: Profile): View {
  if (me.roles.includes('manager')) return { name: 'queue', query: DEFAULT_QUEUE };
  if (me.roles.includes('designer') && !me.roles.includes('rep')) return { name: 'designer' };
  return { name: 'practice' };
}

export const ROLE_LABEL = { rep: 'Rep', manager: 'Manager', designer: 'Designer' } as const;

export const ROLE_HELP = {
  rep: 'practises role-plays and sees their own progress',
  manager: 'reviews reps’ attempts: overrides scores with a reason, coaches',
  designer: 'writes and tests scenarios',
} as const;
