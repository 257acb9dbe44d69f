import { useId } from 'react';

/**
 * Small charts drawn as inline SVG (no library, nothing loaded from elsewhere). Each is an image with a
 * title and a description in words; the figures themselves are always in a table next to it. Series are
 * told apart by shape and fill pattern as well as colour, and stay visible in forced-colors mode.
 */

export interface ChartPeriod {
  key: string;
  label: string;
}

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 28, right: 16, bottom: 44, left: 52 };
const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;

/** A round upper bound for the axis (1, 2, 5 × 10ⁿ steps) and its ticks. */
function axis(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 4, ticks: [0, 1, 2, 3, 4] };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(Math.round(value * 100) / 100);
  return { top, ticks };
}

function Frame({ title, description, children, ticks, top, format }: { title: string; description: string; children: React.ReactNode; ticks: number[]; top: number; format: (value: number) => string }) {
  const id = useId();
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full max-w-4xl text-solid-gray-800 forced-color-adjust-auto"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="stroke-solid-gray-300 forced-colors:stroke-[GrayText]" strokeWidth={1} />
          <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={13} className="fill-solid-gray-700 forced-colors:fill-[CanvasText]">
            {format(tick)}
          </text>
        </g>
      ))}
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} className="stroke-solid-gray-900 forced-colors:stroke-[CanvasText]" strokeWidth={1.5} />
      {children}
    </svg>
  );
}

export interface BarSeries {
  name: string;
  /** null: a period that has not begun (nothing drawn). */
  values: (number | null)[];
  /** solid: filled bars; hatched: outlined bars with diagonal lines (told apart without colour). */
  style: 'solid' | 'hatched';
}

/** Bars per period (up to two series side by side), each labelled with its value. */
export function BarChart({ periods, series, title, description, format }: { periods: ChartPeriod[]; series: BarSeries[]; title: string; description: string; format: (value: number) => string }) {
  const patternId = useId();
  const max = Math.max(0, ...series.flatMap((item) => item.values.map((value) => value ?? 0)));
  const { top, ticks } = axis(max);
  const group = plotWidth / Math.max(periods.length, 1);
  const barWidth = Math.min(28, (group * 0.8) / Math.max(series.length, 1));
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  return (
    <Frame title={title} description={description} ticks={ticks} top={top} format={format}>
      <defs>
        <pattern id={patternId} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
          <rect width={6} height={6} className="fill-white forced-colors:fill-[Canvas]" />
          <line x1={0} y1={0} x2={0} y2={6} strokeWidth={3} className="stroke-blue-900 forced-colors:stroke-[CanvasText]" />
        </pattern>
      </defs>
      {periods.map((period, index) => {
        const x0 = MARGIN.left + group * index + (group - barWidth * series.length) / 2;
        return (
          <g key={period.key}>
            {series.map((item, seriesIndex) => {
              const value = item.values[index] ?? null;
              if (value === null) return null;
              const x = x0 + barWidth * seriesIndex;
              const height = Math.max(0, y(0) - y(value));
              return (
                <g key={item.name}>
                  <rect
                    x={x + 1}
                    y={y(value)}
                    width={barWidth - 2}
                    height={height}
                    fill={item.style === 'hatched' ? `url(#${patternId})` : undefined}
                    className={
                      item.style === 'hatched'
                        ? 'stroke-blue-900 forced-colors:stroke-[CanvasText]'
                        : 'fill-blue-900 stroke-blue-900 forced-colors:fill-[CanvasText] forced-colors:stroke-[CanvasText]'
                    }
                    strokeWidth={1.5}
                  />
                  <text x={x + barWidth / 2} y={y(value) - 5} textAnchor="middle" fontSize={12} className="fill-solid-gray-900 forced-colors:fill-[CanvasText]">
                    {format(value)}
                  </text>
                </g>
              );
            })}
            <text x={MARGIN.left + group * index + group / 2} y={HEIGHT - MARGIN.bottom + 20} textAnchor="middle" fontSize={13} className="fill-solid-gray-800 forced-colors:fill-[CanvasText]">
              {period.label}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** Running total (solid line with dots) against a straight pace line to the target (dashed). */
export function CumulativeChart({
  periods,
  cumulative,
  pace,
  title,
  description,
  format,
}: {
  periods: ChartPeriod[];
  /** Running totals for the periods that have begun (later ones are left out). */
  cumulative: number[];
  /** The pace to the target at the end of each period (null: no target). */
  pace: number[] | null;
  title: string;
  description: string;
  format: (value: number) => string;
}) {
  const max = Math.max(0, ...cumulative, ...(pace ?? []));
  const { top, ticks } = axis(max);
  const step = plotWidth / Math.max(periods.length, 1);
  const x = (index: number) => MARGIN.left + step * index + step / 2;
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const line = (values: number[]) => values.map((value, index) => `${index === 0 ? 'M' : 'L'}${x(index)} ${y(value)}`).join(' ');
  return (
    <Frame title={title} description={description} ticks={ticks} top={top} format={format}>
      {pace ? <path d={line(pace)} fill="none" strokeWidth={2} strokeDasharray="8 6" className="stroke-solid-gray-700 forced-colors:stroke-[GrayText]" /> : null}
      <path d={line(cumulative)} fill="none" strokeWidth={3} className="stroke-blue-900 forced-colors:stroke-[CanvasText]" />
      {cumulative.map((value, index) => (
        <g key={periods[index]?.key ?? index}>
          <circle cx={x(index)} cy={y(value)} r={5} className="fill-blue-900 forced-colors:fill-[CanvasText]" />
          <text x={x(index)} y={y(value) - 10} textAnchor="middle" fontSize={12} className="fill-solid-gray-900 forced-colors:fill-[CanvasText]">
            {format(value)}
          </text>
        </g>
      ))}
      {periods.map((period, index) => (
        <text key={period.key} x={x(index)} y={HEIGHT - MARGIN.bottom + 20} textAnchor="middle" fontSize={13} className="fill-solid-gray-800 forced-colors:fill-[CanvasText]">
          {period.label}
        </text>
      ))}
    </Frame>
  );
}

/** A legend entry drawn like its series (a solid or hatched square, a solid or dashed line). */
export function LegendItem({ kind, children }: { kind: 'solid' | 'hatched' | 'line' | 'dashed'; children: React.ReactNode }) {
  return (
    <li className="flex items-center gap-2">
      <svg aria-hidden="true" viewBox="0 0 24 16" className="h-4 w-6 shrink-0">
        {kind === 'solid' ? <rect x={2} y={1} width={20} height={14} className="fill-blue-900 forced-colors:fill-[CanvasText]" /> : null}
        {kind === 'hatched' ? (
          <>
            <rect x={2} y={1} width={20} height={14} fill="none" strokeWidth={1.5} className="stroke-blue-900 forced-colors:stroke-[CanvasText]" />
            <path d="M2 11 8 1M8 15 17 1M15 15 22 4" strokeWidth={2} className="stroke-blue-900 forced-colors:stroke-[CanvasText]" />
          </>
        ) : null}
        {kind === 'line' ? (
          <>
            <line x1={0} x2={24} y1={8} y2={8} strokeWidth={3} className="stroke-blue-900 forced-colors:stroke-[CanvasText]" />
            <circle cx={12} cy={8} r={4} className="fill-blue-900 forced-colors:fill-[CanvasText]" />
          </>
        ) : null}
        {kind === 'dashed' ? <line x1={0} x2={24} y1={8} y2={8} strokeWidth={2} strokeDasharray="5 4" className="stroke-solid-gray-700 forced-colors:stroke-[GrayText]" /> : null}
      </svg>
      <span>{children}</span>
    </li>
  );
}
