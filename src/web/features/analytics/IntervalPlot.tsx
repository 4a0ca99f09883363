import { chartColours } from './ChartFrame';
import { formatNumber } from './labels';

export type IntervalRow = { label: string; value: number | null; ci95: [number, number] | null };

const WIDTH = 640;
const ROW = 44;
const LEFT = 200;
const RIGHT = 24;

/**
 * Each difference as a dot with its 95 % interval as a line, against a zero line: an interval
 * clear of zero is a difference; one crossing it is not shown to be. Plain SVG (no chart library
 * needed for three lines); the table beneath has the figures.
 */
export function IntervalPlot({ rows }: { rows: IntervalRow[] }) {
  const drawable = rows.filter((r) => r.value !== null && r.ci95);
  if (drawable.length === 0) return null;
  const extent = Math.max(0.5, ...drawable.flatMap((r) => [Math.abs(r.ci95?.[0] ?? 0), Math.abs(r.ci95?.[1] ?? 0)]));
  // A little room past the widest interval, so a dot at its end is not on the edge.
  const max = Math.ceil(extent * 1.1 * 2) / 2;
  const x = (v: number) => LEFT + ((v + max) / (2 * max)) * (WIDTH - LEFT - RIGHT);
  const height = rows.length * ROW + 30;
  const ticks = [-max, -max / 2, 0, max / 2, max];
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label="Differences with their 95 % confidence intervals, against zero. The table below has the figures."
      style={{ maxWidth: WIDTH, fontSize: 12 }}
    >
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={8}
            y2={height - 22}
            stroke={t === 0 ? chartColours.text : chartColours.grid}
            strokeDasharray={t === 0 ? '4 3' : undefined}
          />
          <text x={x(t)} y={height - 6} textAnchor="middle" fill={chartColours.text}>
            {t > 0 ? `+${formatNumber(t, 1)}` : formatNumber(t, 1).replace('-', '−')}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = 8 + i * ROW + ROW / 2;
        return (
          <g key={r.label}>
            <text x={0} y={y + 4} fill={chartColours.text}>
              {r.label}
            </text>
            {r.value !== null && r.ci95 ? (
              <>
                <line x1={x(r.ci95[0])} x2={x(r.ci95[1])} y1={y} y2={y} stroke={chartColours.now} strokeWidth={3} />
                <line x1={x(r.ci95[0])} x2={x(r.ci95[0])} y1={y - 7} y2={y + 7} stroke={chartColours.now} strokeWidth={2} />
                <line x1={x(r.ci95[1])} x2={x(r.ci95[1])} y1={y - 7} y2={y + 7} stroke={chartColours.now} strokeWidth={2} />
                <circle cx={x(r.value)} cy={y} r={6} fill={chartColours.now} />
              </>
            ) : (
              <text x={LEFT} y={y + 4} fill={chartColours.text}>
                too few to compare
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
