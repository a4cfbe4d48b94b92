import { useEffect } from 'react';

/** Pages of the history: first, previous, "page N of M", next, last; Alt+← / Alt+→ turn pages. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage(page: number): void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.target as HTMLElement).closest('input, textarea, select')) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      e.preventDefault(); // Alt+← is also the browser's Back
      if (e.key === 'ArrowLeft' && page > 1) onPage(page - 1);
      if (e.key === 'ArrowRight' && page < pages) onPage(page + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [page, pages, onPage]);
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button onClick={() => onPage(1)} disabled={page === 1} data-testid="page-first">
        « First
      </button>
      <button onClick={() => onPage(page - 1)} disabled={page === 1} data-testid="page-prev" title="Alt+←">
        ‹ Previous
      </button>
      <span data-testid="page-of">
        Page {page} of {pages}
      </span>
      <button onClick={() => onPage(page + 1)} disabled={page === pages} data-testid="page-next" title="Alt+→">
        Next ›
      </button>
      <button onClick={() => onPage(pages)} disabled={page === pages} data-testid="page-last">
        Last »
      </button>
    </nav>
  );
}
