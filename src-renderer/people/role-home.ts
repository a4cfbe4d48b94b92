import type { Profile } from '../../src-main/core/domain';
import { DEFAULT_HISTORY, type View } from '../router';

/**
 * Where the app opens for this person: a manager on the attempts to review, a designer on the
 * scenarios, a rep on practice. (The review queue replaces the history here once it exists.)
 */
export function roleHome(me: Profile): View {
  if (me.roles.includes('manager')) return { name: 'history', query: { ...DEFAULT_HISTORY, sort: 'oldest' } };
  if (me.roles.includes('designer') && !me.roles.includes('rep')) return { name: 'designer' };
  return { name: 'practice' };
}

export const ROLE_LABEL = { rep: 'Rep', manager: 'Manager', designer: 'Designer' } as const;

export const ROLE_HELP = {
  rep: 'practises role-plays and sees their own progress',
  manager: 'reviews reps’ attempts: overrides scores with a reason, coaches',
  designer: 'writes and tests scenarios',
} as const;
