import { useElementSize } from '@mantine/hooks';
import { chartColours } from './ChartFrame';

export type IntervalRow = { label: string; value: number | null; ci95: [number, number] | null };

const MAX_WIDTH = 720;

const tickFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
/** "+0.75", "0.0", "−1.5": signed, with the true sign character. */
const tickLabel = (t: number) => `${t > 0 ? '+' : t < 0 ? '−' : ''}${tickFormat.format(Math.abs(t))}`;

/**
 * Each difference as a dot with its 95 % interval as a line, against a zero line: an interval
 * clear of zero is a difference; one crossing it is not shown to be. Plain SVG drawn at the width
 * it gets (no chart library needed for three lines; text stays 12 px on a phone). On a narrow
 * screen each label sits above its line. The table beneath has the figures.
 */
export function IntervalPlot({ rows }: { rows: IntervalRow[] }) {
  const { ref, width: measured } = useElementSize();
  const drawable = rows.filter((r) => r.value !== null && r.ci95);
  const width = Math.min(MAX_WIDTH, Math.max(260, Math.round(measured) || MAX_WIDTH));
  const narrow = width < 520;
  const left = narrow ? 16 : 210;
  const right = 24;
  const rowHeight = narrow ? 58 : 44;
  const extent = Math.max(0.5, ...drawable.flatMap((r) => [Math.abs(r.ci95?.[0] ?? 0), Math.abs(r.ci95?.[1] ?? 0)]));
  // A little room past the widest interval, so a dot at its end is not on the edge.
  const max = Math.ceil(extent * 1.1 * 2) / 2;
  const x = (v: number) => left + ((v + max) / (2 * max)) * (width - left - right);
  const height = rows.length * rowHeight + 30;
  const ticks = [-max, -max / 2, 0, max / 2, max];
  return (
    <div ref={ref} style={{ width: '100%', maxWidth: MAX_WIDTH }}>
      {drawable.length > 0 && (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label="Differences with their 95 % confidence intervals, against zero. The table below has the figures."
          style={{ fontSize: 12, display: 'block' }}
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
                {tickLabel(t)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = 8 + i * rowHeight + (narrow ? rowHeight - 16 : rowHeight / 2);
            return (
              <g key={r.label}>
                <text x={0} y={narrow ? y - 14 : y + 4} fill={chartColours.text}>
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
                  <text x={left} y={y + 4} fill={chartColours.text}>
                    too few to compare
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}
