import { useRef } from 'react';
import type { ScenarioFileEntry } from '../../src-main/core/domain';
import type { OpenFile, Source } from './use-designer';

const GROUPS: { source: Source; title: string }[] = [
  { source: 'user', title: 'Your scenarios' },
  { source: 'built-in', title: 'Built-in (read-only)' },
];

interface Props {
  files: ScenarioFileEntry[];
  userDir: string;
  open: OpenFile | null;
  onSelect(source: Source, file: string): void;
  onExport(source: Source, pack: string): void;
  /** Set when this designer is connected to a team store: publishes one of their own packs. */
  onPublish?: (pack: string) => void;
  onImport(zip: File): void;
}

/** Every scenario file, the designer's own first, grouped by pack; invalid files say so and why. */
export function FileList({ files, userDir, open, onSelect, onExport, onImport, onPublish }: Props) {
  return (
    <aside aria-label="Scenario files">
      <ImportPackButton onImport={onImport} />
      {GROUPS.map(({ source, title }) => {
        const mine = files.filter((f) => f.source === source);
        const packs = [...new Set(mine.map((f) => f.pack))];
        return (
          <section key={source}>
            <h3>{title}</h3>
            {mine.length === 0 && source === 'user' && (
              <p className="muted small">
                None yet. Open a built-in scenario and press Duplicate to make your own; they are saved in {userDir}.
              </p>
            )}
            {packs.map((pack) => (
              <Pack
                key={pack}
                source={source}
                pack={pack}
                files={mine.filter((f) => f.pack === pack)}
                selected={open?.source === source ? open.file : null}
                onSelect={onSelect}
                onExport={onExport}
                onPublish={source === 'user' ? onPublish : undefined}
              />
            ))}
          </section>
        );
      })}
    </aside>
  );
}

/** A visible button standing in for the hidden file input, which cannot be styled. */
function ImportPackButton({ onImport }: { onImport(zip: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button onClick={() => input.current?.click()} data-testid="import-pack">
        Import pack…
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="import-pack-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          // Cleared so that choosing the same zip again still fires a change.
          e.target.value = '';
          if (f) onImport(f);
        }}
      />
    </>
  );
}

interface PackProps {
  source: Source;
  pack: string;
  files: ScenarioFileEntry[];
  /** The open file's name when it is in this source, else null. */
  selected: string | null;
  onSelect(source: Source, file: string): void;
  onExport(source: Source, pack: string): void;
  /** Set when this designer is connected to a team store: publishes one of their own packs. */
  onPublish?: (pack: string) => void;
}

function Pack({ source, pack, files, selected, onSelect, onExport, onPublish }: PackProps) {
  return (
    <div>
      <div className="pack-head">
        <span>{pack || '(no pack)'}</span>
        {pack && (
          <button
            onClick={() => onExport(source, pack)}
            title={`Export the ${pack} pack as a zip`}
            data-testid={`export-${source}-${pack}`}
          >
            Export
          </button>
        )}
        {pack && onPublish && (
          <button
            onClick={() => onPublish(pack)}
            title={`Publish the ${pack} pack to the team: every rep gets it on their next sync`}
            data-testid={`publish-${pack}`}
          >
            Publish to team
          </button>
        )}
      </div>
      <ul>
        {files.map((f) => (
          <li key={f.file} className={f.problems.length ? 'invalid-file' : ''}>
            <button
              className={`file ${selected === f.file ? 'selected' : ''}`}
              onClick={() => onSelect(source, f.file)}
              data-testid="designer-file"
              data-file={f.file}
              title={f.problems.map((p) => `line ${p.line}: ${p.message}`).join('\n') || f.file}
            >
              {f.title ?? f.file}{' '}
              {f.problems.length > 0 && <span className="badge">invalid · {f.problems.length}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
