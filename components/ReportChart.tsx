/** A chart of a report section (chart.js, loaded only by report pages); its numbers stay in the table below. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { Section } from '../lib/reports/sheets';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#b91c1c', '#6d28d9'];

export function ReportChart({ section }: { section: Section }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const spec = section.chart;
    if (!spec || !canvas.current) return;
    const rows = spec.skipLastRow ? section.rows.slice(0, -1) : section.rows;
    const chart = new Chart(canvas.current, {
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
        plugins: { legend: { position: 'bottom' } },
        scales: { y: { beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [section]);
  if (!section.chart) return null;
  return (
    <div class="chart" role="img" aria-label={`${section.title}（图表，数据见下表）`}>
      <canvas ref={canvas} />
    </div>
  );
}
