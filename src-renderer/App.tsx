import { useEffect } from 'react';
import { ModelBanner } from './components/ModelBanner';
import { useApp } from './store';
import { AttemptPage } from './views/AttemptPage';
import { HistoryList } from './views/HistoryList';
import { PracticeView } from './views/PracticeView';

export function App() {
  const { view, go, refreshModel } = useApp();
  useEffect(() => {
    void refreshModel();
  }, [refreshModel]);
  return (
    <div className="app">
      <header className="topbar">
        <h1>Sparring</h1>
        <nav aria-label="Main">
          <button className={view.name === 'practice' ? 'active' : ''} onClick={() => go({ name: 'practice' })}>
            Practice
          </button>
          <button className={view.name !== 'practice' ? 'active' : ''} onClick={() => go({ name: 'history' })} data-testid="nav-history">
            History
          </button>
        </nav>
      </header>
      <ModelBanner />
      <main>
        {view.name === 'practice' && <PracticeView />}
        {view.name === 'history' && <HistoryList />}
        {view.name === 'attempt' && <AttemptPage id={view.id} />}
      </main>
    </div>
  );
}
