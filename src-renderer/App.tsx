import { lazy, Suspense, useEffect } from 'react';
import { ModelBanner } from './components/ModelBanner';
import { Toast } from './components/Toast';
import { roleHome } from './people/role-home';
import { SyncBadge } from './team/SyncBadge';
import { AlertsPanel } from './assignments/AlertsPanel';
import { AssignmentsPanel } from './assignments/AssignmentsPanel';
import { useBrowserReminder } from './today/use-browser-reminder';
import { DEFAULT_QUEUE } from './router';
import { WelcomeView } from './people/WelcomeView';
import { useApp } from './store';
import { AttemptPage } from './views/AttemptPage';
import { HistoryList } from './views/HistoryList';
import { PracticeView } from './views/PracticeView';
import { SettingsView } from './views/SettingsView';

// The designer brings the code editor; load it only when it is opened.
// A manager's dashboard and scorecards: loaded when first opened, not by every rep.
const TeamDashboard = lazy(() => import('./dashboard/TeamDashboard').then((m) => ({ default: m.TeamDashboard })));
const Scorecard = lazy(() => import('./dashboard/Scorecard').then((m) => ({ default: m.Scorecard })));
const DesignerView = lazy(() => import('./views/DesignerView').then((m) => ({ default: m.DesignerView })));

const FIRST_RUN_KEY = 'sparring.modelSetupOffered';

export function App() {
  const { view, go, refreshModel, refreshMe, lastHistory, me } = useApp();
  useBrowserReminder();
  useEffect(() => {
    void refreshModel();
    // Opened without an address: the screen this person's role needs.
    void refreshMe().then((who) => !location.hash && who.confirmed && go(roleHome(who), { replace: true }));
  }, [refreshModel, refreshMe, go]);
  // The window's title says where the rep is (task switchers, screen readers, browser history).
  useEffect(() => {
    const name = {
      practice: 'Practice',
      history: 'History',
      queue: 'Review queue',
      attempt: 'Attempt',
      designer: 'Scenarios',
      settings: 'Settings',
      team: 'Team',
      scorecard: 'Scorecard',
    }[view.name];
    document.title = `${name}${view.name === 'attempt' ? ` #${view.id}` : ''} · Sparring`;
  }, [view]);
  // First run without a speech model: straight to Settings to get one (once; typed answers work meanwhile).
  const model = useApp((s) => s.model);
  useEffect(() => {
    if (me?.confirmed && model && !model.ready && !localStorage.getItem(FIRST_RUN_KEY)) {
      localStorage.setItem(FIRST_RUN_KEY, '1');
      go({ name: 'settings' });
    }
  }, [model, me, go]);
  return (
    <div className="app">
      <header className="topbar">
        <h1>Sparring</h1>
        <nav aria-label="Main">
          <button className={view.name === 'practice' ? 'active' : ''} onClick={() => go({ name: 'practice' })}>
            Practice
          </button>
          {me?.roles.includes('manager') && (
            <button
              className={view.name === 'team' || view.name === 'scorecard' ? 'active' : ''}
              onClick={() => go({ name: 'team', query: {} })}
              data-testid="nav-team"
            >
              Team
            </button>
          )}
          {me?.roles.includes('manager') && (
            <button
              className={view.name === 'queue' ? 'active' : ''}
              onClick={() => go({ name: 'queue', query: DEFAULT_QUEUE })}
              data-testid="nav-review"
            >
              Review
            </button>
          )}
          <button
            className={view.name === 'history' || view.name === 'attempt' ? 'active' : ''}
            onClick={() => go({ name: 'history', query: lastHistory })}
            data-testid="nav-history"
          >
            History
          </button>
          <button
            className={view.name === 'designer' ? 'active' : ''}
            onClick={() => go({ name: 'designer' })}
            data-testid="nav-designer"
          >
            Scenarios
          </button>
          <button
            className={view.name === 'settings' ? 'active' : ''}
            onClick={() => go({ name: 'settings' })}
            data-testid="nav-settings"
          >
            Settings
          </button>
        </nav>
        {me?.confirmed && <SyncBadge />}
        {me?.confirmed && (
          <button
            className="me"
            onClick={() => go({ name: 'settings' })}
            title="Who is using Sparring (Settings → People)"
            data-testid="me"
          >
            {me.name}
          </button>
        )}
      </header>
      <ModelBanner />
      {me && !me.confirmed ? (
        <main>
          <WelcomeView />
        </main>
      ) : (
        <main className={view.name === 'designer' ? 'wide' : ''}>
          {view.name === 'practice' && (
            <PracticeView startScenarioId={view.startScenarioId} resumeAttemptId={view.resumeAttemptId} />
          )}
          {view.name === 'settings' && <SettingsView />}
          {view.name === 'designer' && (
            <Suspense fallback={<p className="muted">Loading the scenario designer…</p>}>
              <DesignerView />
            </Suspense>
          )}
          {view.name === 'history' && <HistoryList query={view.query} />}
          {view.name === 'queue' && (
            <>
              <AlertsPanel />
              <AssignmentsPanel />
              <HistoryList query={view.query} mode="queue" />
            </>
          )}
          {view.name === 'attempt' && <AttemptPage id={view.id} />}
          {(view.name === 'team' || view.name === 'scorecard') && (
            <Suspense fallback={<p className="muted">Loading the team dashboard…</p>}>
              {view.name === 'team' ? (
                <TeamDashboard query={view.query} />
              ) : (
                <Scorecard repId={view.repId} query={view.query} />
              )}
            </Suspense>
          )}
        </main>
      )}
      <Toast />
    </div>
  );
}
