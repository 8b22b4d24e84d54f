/**
 * A chart of a report section (chart.js, loaded only by report pages); its numbers stay in the table
 * below. Printed, it is drawn again at a fixed print size before the page is laid out (the browser
 * fires `beforeprint` for its print button and for Ctrl+P), legend inside, so that it never spills
 * over the table below.
 */
import { useTr } from './locale';
import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { Section } from '../lib/reports/sheets';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#b91c1c', '#6d28d9'];
/** A chart's size on paper (the report's print style uses it too). */
export const PRINT_CHART_MM = { width: 170, height: 62 } as const;
const PX_PER_MM = 96 / 25.4;

/** A section's chart: its columns as data sets, counts on an axis of whole numbers, the legend inside. */
export function chartConfig(section: Section, spec: NonNullable<Section['chart']>): ChartConfiguration<'bar' | 'line'> {
  const rows = spec.skipLastRow ? section.rows.slice(0, -1) : section.rows;
  const counts = spec.valueColumns.every((c) => section.columns[c]?.type === 'int');
  return {
    type: spec.type,
    data: {
      labels: rows.map((r) => String(r[spec.labelColumn] ?? '')),
      datasets: spec.valueColumns.map((c, i) => ({
        label: section.columns[c]!.header,
        data: rows.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : 0)),
        backgroundColor: COLOURS[i % COLOURS.length],
        borderColor: COLOURS[i % COLOURS.length],
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'top', align: 'end' } },
      scales: { y: { beginAtZero: true, ...(counts ? { ticks: { precision: 0 } } : {}) } },
    },
  };
}

export function ReportChart({ section }: { section: Section }) {
  const tr = useTr();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const spec = section.chart;
    if (!spec || !canvas.current) return;
    const chart = new Chart(canvas.current, chartConfig(section, spec));
    const toPaper = () => {
      chart.options.devicePixelRatio = 2;
      chart.resize(Math.round(PRINT_CHART_MM.width * PX_PER_MM), Math.round(PRINT_CHART_MM.height * PX_PER_MM));
    };
    const toScreen = () => {
      chart.options.devicePixelRatio = undefined;
      chart.resize();
    };
    addEventListener('beforeprint', toPaper);
    addEventListener('afterprint', toScreen);
    return () => {
      removeEventListener('beforeprint', toPaper);
      removeEventListener('afterprint', toScreen);
      chart.destroy();
    };
  }, [section]);
  if (!section.chart) return null;
  return (
    <div class="chart" role="img" aria-label={tr(`${section.title}（图表，数据见下表）`, `${section.title} (chart; the figures are in the table below)`)}>
      <canvas ref={canvas} />
    </div>
  );
}
