import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Weeks (their Mondays) and each skill's points: a rep's progress, or a team's. */
interface Trend {
  weeks: string[];
  skills: { skill: string; points: (number | null)[] }[];
}

/** A colour per skill, distinct on white and readable for the common colour-vision deficiencies (Okabe-Ito). */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/**
 * Each skill's mastery week by week, with uPlot (about 20 KB gzipped, loaded only when Progress is
 * opened: the first screen does not pay for it). The points are also listed in a table for screen
 * readers and for anyone who prefers numbers.
 */
export function SkillChart({
  trend,
  caption = 'Mastery per skill, week by week (this week: now).',
}: {
  trend: Trend;
  caption?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const xs = trend.weeks.map((w) => Date.parse(`${w}T12:00:00`) / 1000);
    const plot = new uPlot(
      {
        width: Math.max(320, box.current.clientWidth),
        height: 220,
        scales: { y: { range: [0, 100] } },
        axes: [{}, { values: (_u, ticks) => ticks.map((t) => `${t}`) }],
        series: [
          { label: 'Week of', value: (_u, v) => (v == null ? '' : new Date(v * 1000).toLocaleDateString()) },
          ...trend.skills.map((s, i) => ({
            label: s.skill,
            stroke: COLOURS[i % COLOURS.length],
            width: 2,
            points: { show: true, size: 6 },
            spanGaps: false,
          })),
        ],
      },
      [xs, ...trend.skills.map((s) => s.points)] as uPlot.AlignedData,
      box.current,
    );
    return () => plot.destroy();
  }, [trend]);
  return (
    <figure className="skill-chart" data-testid="skill-chart">
      <div ref={box} aria-hidden="true" />
      <figcaption className="muted small">{caption}</figcaption>
      <table className="visually-hidden">
        <caption>Mastery per skill by week</caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            {trend.weeks.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.skills.map((s) => (
            <tr key={s.skill} data-testid="trend-row" data-skill={s.skill} data-last={s.points.at(-1) ?? ''}>
              <th scope="row">{s.skill}</th>
              {s.points.map((p, i) => (
                <td key={i}>{p ?? '–'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
