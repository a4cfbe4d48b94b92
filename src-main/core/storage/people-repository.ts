import type { Profile, ProfileRole } from '../domain';
import type { Db, LazyDb } from './database';
import { now } from './rows';

interface ProfileRow {
  id: number;
  name: string;
  roles: string;
  is_self: number;
  confirmed_at: string | null;
}

const toProfile = (r: ProfileRow): Profile => ({
  id: r.id,
  name: r.name,
  roles: JSON.parse(r.roles) as ProfileRole[],
  isSelf: r.is_self === 1,
  confirmed: r.confirmed_at !== null,
});

const SELECT = 'SELECT id, name, roles, is_self, confirmed_at FROM profiles';

/** People: who practises, reviews and designs, and which of them is using this copy of Sparring. */
export class PeopleRepository {
  constructor(private readonly lazy: LazyDb) {}

  private get db(): Db {
    return this.lazy.get();
  }

  /**
   * The person using Sparring here; created unconfirmed ("Me", a rep) on first use, so the app can ask who they are.
   */
  self(): Profile {
    const row = this.db.prepare(`${SELECT} WHERE is_self = 1 ORDER BY id LIMIT 1`).get() as ProfileRow | undefined;
    if (row) return toProfile(row);
    const info = this.db
      .prepare("INSERT INTO profiles (name, role, roles, is_self, created_at) VALUES ('Me', 'rep', '[\"rep\"]', 1, ?)")
      .run(now());
    return this.byId(Number(info.lastInsertRowid))!;
  }

  byId(id: number): Profile | undefined {
    const row = this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as ProfileRow | undefined;
    return row && toProfile(row);
  }

  byName(name: string): Profile | undefined {
    const row = this.db.prepare(`${SELECT} WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1`).get(name) as
      ProfileRow | undefined;
    return row && toProfile(row);
  }

  list(): Profile[] {
    return (this.db.prepare(`${SELECT} ORDER BY name COLLATE NOCASE, id`).all() as ProfileRow[]).map(toProfile);
  }

  /** Adds a person, or renames one and sets their roles; every saved person counts as confirmed. */
  save(person: { id?: number; name: string; roles: ProfileRole[] }): Profile {
    const roles = JSON.stringify(person.roles);
    if (person.id !== undefined) {
      this.db
        .prepare(
          'UPDATE profiles SET name = ?, role = ?, roles = ?, confirmed_at = coalesce(confirmed_at, ?) WHERE id = ?',
        )
        .run(person.name, person.roles[0], roles, now(), person.id);
      return this.byId(person.id)!;
    }
    const info = this.db
      .prepare('INSERT INTO profiles (name, role, roles, is_self, confirmed_at, created_at) VALUES (?, ?, ?, 0, ?, ?)')
      .run(person.name, person.roles[0], roles, now(), now());
    return this.byId(Number(info.lastInsertRowid))!;
  }

  /** Makes this person the one using Sparring here (another person sitting down at the same computer). */
  setSelf(id: number): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE profiles SET is_self = 0 WHERE is_self = 1').run();
      this.db.prepare('UPDATE profiles SET is_self = 1 WHERE id = ?').run(id);
    })();
  }
}
