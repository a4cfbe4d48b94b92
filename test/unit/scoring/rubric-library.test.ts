/** The rubric library, and the same library read back from the snapshot stored with scores. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubricLibrary, rubricLibraryFromSnapshot } from '../../../src-main/core/scoring/rubric-library';
import { SCENARIOS, tempDir } from '../../support/paths';

describe('rubric library snapshots', () => {
  it('reads back the library that made a score, from its stored text, with several files', () => {
    const dir = join(tempDir(), 'rubrics');
    mkdirSync(dir);
    const core = readFileSync(join(SCENARIOS, 'rubrics/core.yaml'), 'utf8');
    writeFileSync(join(dir, 'a-core.yaml'), core);
    // A second file of the team's own, with one criterion; its text ends without a newline.
    const extra = core
      .replace(/^id: .*$/m, 'id: team')
      .replace(/^criteria:[\s\S]*$/m, (all) =>
        all
          .split(/\n(?= {2}- id:)/)
          .slice(0, 2)
          .join('\n')
          .trimEnd(),
      )
      .replace(/- id: (\S+)/, '- id: team-$1');
    writeFileSync(join(dir, 'b-team.yaml'), extra);
    const library = loadRubricLibrary([dir]);
    expect(library.problems).toEqual([]);
    expect(library.version.split(',')).toHaveLength(2);
    const back = rubricLibraryFromSnapshot(library.snapshot);
    expect(back.version).toBe(library.version);
    expect(back.snapshot).toBe(library.snapshot);
    expect([...back.criteria.keys()]).toEqual([...library.criteria.keys()]);
  });

  it('a snapshot that is not a rubric gives a library with no criteria, and a different version', () => {
    const back = rubricLibraryFromSnapshot('# rubrics/x.yaml\nnot: a rubric');
    expect(back.criteria.size).toBe(0);
    expect(back.version).toBe('none');
  });
});
