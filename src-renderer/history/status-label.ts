import type { AttemptStatus } from '../../src-main/core/domain';

/** How an attempt's status reads on every screen. */
export const STATUS_LABEL: Record<AttemptStatus, string> = {
  complete: 'Complete',
  incomplete: 'Incomplete',
  in_progress: 'In progress',
};
