import type { ProfileRole } from '../../src-main/core/domain';
import { ROLE_HELP, ROLE_LABEL } from './role-home';

const ALL: ProfileRole[] = ['rep', 'manager', 'designer'];

/** The roles a person has, as checkboxes with what each role does. */
export function RoleChoices({
  value,
  onChange,
  idPrefix,
}: {
  value: ProfileRole[];
  onChange(roles: ProfileRole[]): void;
  idPrefix: string;
}) {
  return (
    <fieldset className="roles">
      <legend>Roles</legend>
      {ALL.map((role) => (
        <label key={role} htmlFor={`${idPrefix}-${role}`}>
          <input
            id={`${idPrefix}-${role}`}
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) =>
              onChange(
                e.target.checked ? ALL.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role),
              )
            }
            data-testid={`${idPrefix}-role-${role}`}
          />{' '}
          <strong>{ROLE_LABEL[role]}</strong> <span className="muted small">{ROLE_HELP[role]}</span>
        </label>
      ))}
    </fieldset>
  );
}
