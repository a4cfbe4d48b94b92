import { EditorPane } from '../designer/EditorPane';
import { ExampleResults } from '../designer/ExampleResults';
import { FileList } from '../designer/FileList';
import { PreviewPane } from '../designer/PreviewPane';
import { useDesigner } from '../designer/use-designer';
import { useLinePlayer } from '../designer/use-line-player';
import { ErrorBanner } from '../components/ErrorBanner';
import { useTeamStatus } from '../team/use-team-status';

/**
 * The enablement designer's workspace: every scenario file (valid or not), a YAML editor with
 * live validation inline, a preview of persona and turn graph, the examples run on demand,
 * "try it", and packs in and out as zips. Built-ins are read-only; "Duplicate" makes a copy to edit.
 */
export function DesignerView() {
  const d = useDesigner();
  const [team] = useTeamStatus();
  const player = useLinePlayer();
  const { files, open, check, error } = d;

  if (!files) {
    if (error) return <ErrorBanner message={error} />;
    return <p className="muted">Loading scenario files…</p>;
  }

  return (
    <div className="designer" data-testid="designer">
      <FileList
        files={files}
        userDir={d.userDir}
        open={open}
        onSelect={(source, file) => void d.select(source, file)}
        onExport={(source, pack) => void d.exportPack(source, pack)}
        onImport={(zip) => void d.importPack(zip)}
        onPublish={
          team?.configured && team.person?.role === 'designer' ? (pack) => void d.publishPack(pack) : undefined
        }
      />
      <div className="editor-pane">
        {error && (
          <div className="banner error" role="alert" data-testid="designer-error">
            {error.split('\n').map((l, i) => (
              <div key={i}>{l}</div>
            ))}
          </div>
        )}
        {!open && <p className="empty">Pick a scenario file on the left to read it, check it and preview it.</p>}
        {open && (
          <>
            <EditorPane
              open={open}
              dirty={d.dirty}
              check={check}
              jump={d.jump}
              onChange={d.setText}
              onJump={(line) => d.setJump({ line })}
              onSave={() => void d.save()}
              onDuplicate={() => void d.duplicate()}
              onRunExamples={() => void d.runExamples()}
              onTryIt={d.tryIt}
              onDelete={() => void d.remove()}
            />
            {d.examples && <ExampleResults results={d.examples} />}
            {check?.scenario && (
              <PreviewPane
                scenario={check.scenario}
                edges={check.edges}
                voiceNote={player.voiceNote}
                onPlay={(scenarioId, turnId, line, voice) => void player.play(scenarioId, turnId, line, voice)}
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}
