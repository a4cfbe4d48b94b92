import type { ExampleResult } from '../../src-main/core/domain';

/** The scenario's example answers as the scoring engine scored them, with a reason beside each miss. */
export function ExampleResults({ results }: { results: ExampleResult[] }) {
  return (
    <table className="examples" data-testid="example-results">
      <caption>
        Examples: {results.filter((r) => r.ok).length} of {results.length} score as expected
      </caption>
      <thead>
        <tr>
          <th>Turn</th>
          <th>Answer</th>
          <th>Expected</th>
          <th>Score</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr key={`${r.turnId}-${r.example}`} className="static" data-testid="example-result" data-ok={r.ok}>
            <td>{r.turnId}</td>
            <td>{r.answer}</td>
            <td>{r.expected}</td>
            <td className={r.ok ? '' : 'bad'}>
              {r.score} {r.ok ? '✓' : `✗ ${r.problem?.message ?? ''}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
