import { CertificationBadge } from '../components/CertificationBadge';
import { useApp } from '../store';
import { useSession } from './practice-store';

/** The end of a role-play: the named end reached, the certification outcome, the way to the full scorecard. */
export function SessionDone({ onExit }: { onExit(): void }) {
  const go = useApp((s) => s.go);
  const { attemptId, ending, finished } = useSession();
  return (
    <div className="session done" data-testid="session-done">
      <h2>Role-play complete</h2>
      {ending && (
        <p className="ending" data-testid="ending">
          {ending}
        </p>
      )}
      {finished?.certification && (
        <p>
          <CertificationBadge certification={finished.certification} /> overall {finished.overallScore ?? '–'}
        </p>
      )}
      <p>Your attempt is saved in your history.</p>
      <div className="actions">
        <button className="primary" onClick={() => go({ name: 'attempt', id: attemptId })} data-testid="open-attempt">
          See the full scorecard
        </button>
        <button onClick={onExit}>Practise another</button>
      </div>
    </div>
  );
}
