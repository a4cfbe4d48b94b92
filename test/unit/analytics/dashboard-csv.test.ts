/** CSV lines as a spreadsheet reads them: quoting, and no formula smuggled in a name. */
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../src-main/core/analytics/dashboard-csv';

describe('csv lines', () => {
  it('quotes commas, quotes and line breaks, and leaves numbers and empty cells alone', () => {
    expect(csvLine(['Riley, Rep', 'said "hi"', 'two\nlines', 42, -3, null])).toBe(
      '"Riley, Rep","said ""hi""","two\nlines",42,-3,',
    );
  });

  it('never lets a cell start a formula', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'Riley'])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),Riley`,
    );
  });
});
