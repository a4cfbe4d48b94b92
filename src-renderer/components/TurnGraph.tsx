import type { Scenario, ScenarioCheck } from '../../src-main/core/domain';

const NODE_W = 170;
const NODE_H = 44;
const GAP_X = 30;
const GAP_Y = 70;

const endLabel = (scenario: Scenario, to: string) =>
  to === 'end' ? 'End' : `End: ${scenario.ends.find((e) => `end:${e.id}` === to)?.title ?? to.slice(4)}`;

/**
 * The turn graph drawn top to bottom: each turn at the depth it is first reached from the
 * opening turn, its branches as arrows labelled with what the answer must do, ends at the bottom.
 */
export function TurnGraph({ scenario, edges }: { scenario: Scenario; edges: ScenarioCheck['edges'] }) {
  const depth = new Map<string, number>([[scenario.turns[0]!.id, 0]]);
  const queue = [scenario.turns[0]!.id];
  while (queue.length) {
    const from = queue.shift()!;
    for (const e of edges.filter((k) => k.from === from && !k.to.startsWith('end'))) {
      if (!depth.has(e.to)) {
        depth.set(e.to, depth.get(from)! + 1);
        queue.push(e.to);
      }
    }
  }
  const endIds = [...new Set(edges.filter((e) => e.to === 'end' || e.to.startsWith('end:')).map((e) => e.to))];
  const endDepth = Math.max(0, ...depth.values()) + 1;
  endIds.forEach((id) => depth.set(id, endDepth));
  const layers: string[][] = [];
  for (const [id, d] of depth) (layers[d] ??= []).push(id);
  const pos = new Map<string, { x: number; y: number }>();
  const widest = Math.max(...layers.map((l) => l.length));
  const width = widest * (NODE_W + GAP_X) + GAP_X;
  layers.forEach((layer, d) => {
    const offset = (width - layer.length * (NODE_W + GAP_X) + GAP_X) / 2;
    layer.forEach((id, i) => pos.set(id, { x: offset + i * (NODE_W + GAP_X), y: 10 + d * (NODE_H + GAP_Y) }));
  });
  const height = layers.length * (NODE_H + GAP_Y);

  return (
    <svg
      className="turn-graph"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Turn graph"
      data-testid="turn-graph"
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#687285" />
        </marker>
      </defs>
      {edges.map((e, i) => {
        const a = pos.get(e.from);
        const b = pos.get(e.to);
        if (!a || !b) return null;
        const back = b.y <= a.y; // a loop back up: draw it beside the nodes
        const x1 = a.x + NODE_W / 2;
        const y1 = a.y + NODE_H;
        const x2 = b.x + NODE_W / 2;
        const y2 = back ? b.y + NODE_H : b.y;
        const path = back
          ? `M ${a.x + NODE_W} ${a.y + NODE_H / 2} C ${a.x + NODE_W + 60} ${a.y}, ${b.x + NODE_W + 60} ` +
            `${b.y + NODE_H}, ${x2 + 20} ${y2}`
          : `M ${x1} ${y1} L ${x2} ${y2}`;
        return (
          <g key={i}>
            <path d={path} fill="none" stroke="#8a93a3" strokeWidth="1.4" markerEnd="url(#arrow)" />
            {e.label && (
              <text x={(x1 + x2) / 2 + 4} y={(y1 + y2) / 2} className="edge-label">
                {e.label}
              </text>
            )}
          </g>
        );
      })}
      {[...pos].map(([id, p]) => {
        const isEnd = id === 'end' || id.startsWith('end:');
        return (
          <g key={id} data-testid={isEnd ? 'graph-end' : 'graph-turn'}>
            <rect
              x={p.x}
              y={p.y}
              width={NODE_W}
              height={NODE_H}
              rx={isEnd ? 22 : 6}
              className={isEnd ? 'node end' : 'node'}
            />
            <text x={p.x + NODE_W / 2} y={p.y + NODE_H / 2 + 5} textAnchor="middle">
              {isEnd ? endLabel(scenario, id) : id}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
