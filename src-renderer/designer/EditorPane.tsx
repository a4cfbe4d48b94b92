import type { ScenarioCheck, ScenarioProblem } from '../../src-main/core/domain';
import { YamlEditor } from '../components/YamlEditor';
import type { OpenFile } from './use-designer';

interface Props {
  open: OpenFile;
  dirty: boolean;
  /** The latest check of the editor's text; null while the first one is under way. */
  check: ScenarioCheck | null;
  jump: { line: number } | null;
  onChange(text: string): void;
  onJump(line: number): void;
  onSave(): void;
  onDuplicate(): void;
  onRunExamples(): void;
  onTryIt(): void;
  onDelete(): void;
}

/**
 * The open file: its actions, the YAML editor with problems inline, and the same problems as a list
 * that jumps to each. Returns siblings, not a wrapper, so the editor pane's layout stays flat.
 */
export function EditorPane({ open, dirty, check, jump, onChange, onJump, onSave, ...actions }: Props) {
  const problems = check?.problems ?? [];
  return (
    <>
      <EditorToolbar open={open} dirty={dirty} canTry={Boolean(check?.scenario)} onSave={onSave} {...actions} />
      <YamlEditor
        key={`${open.source}:${open.file}`}
        initialText={open.saved}
        readOnly={!open.editable}
        problems={problems}
        onChange={onChange}
        onSave={onSave}
        jump={jump}
      />
      <ProblemList checked={check !== null} problems={problems} onJump={onJump} />
    </>
  );
}

interface ToolbarProps {
  open: OpenFile;
  dirty: boolean;
  /** Whether the text is a valid scenario, so there is something to practise. */
  canTry: boolean;
  onSave(): void;
  onDuplicate(): void;
  onRunExamples(): void;
  onTryIt(): void;
  onDelete(): void;
}

// Built-ins are read-only: they offer "Duplicate to edit" where the designer's own files offer Save and Delete.
function EditorToolbar({ open, dirty, canTry, onSave, onDuplicate, onRunExamples, onTryIt, onDelete }: ToolbarProps) {
  const tryTitle = dirty ? 'Save first' : canTry ? 'Practise this scenario now' : 'Fix the problems first';
  return (
    <div className="editor-toolbar">
      <span className="path" data-testid="open-file">
        {open.source === 'built-in' ? 'built-in' : 'yours'}: {open.file}
        {dirty && ' •'}
      </span>
      {!open.editable && <span className="badge">read-only</span>}
      {!open.editable && (
        <button className="primary" onClick={onDuplicate} data-testid="duplicate">
          Duplicate to edit
        </button>
      )}
      {open.editable && (
        <button className="primary" onClick={onSave} disabled={!dirty} title="Ctrl+S" data-testid="save">
          Save
        </button>
      )}
      <button onClick={onRunExamples} data-testid="run-examples">
        Run examples
      </button>
      <button onClick={onTryIt} disabled={!canTry || dirty} title={tryTitle} data-testid="try-it">
        Try it
      </button>
      {open.editable && (
        <button onClick={onDelete} data-testid="delete">
          Delete
        </button>
      )}
    </div>
  );
}

interface ProblemListProps {
  checked: boolean;
  problems: ScenarioProblem[];
  onJump(line: number): void;
}

function ProblemList({ checked, problems, onJump }: ProblemListProps) {
  return (
    <div data-testid="problems">
      {!checked && <p className="muted">Checking…</p>}
      {checked && problems.length === 0 && <p className="ok">No problems: this scenario is valid.</p>}
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i} data-testid="problem" data-line={p.line}>
              <button className="link" onClick={() => onJump(p.line)}>
                line {p.line}, column {p.col}: {p.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
