// One chart (Chart.js, only the parts used are registered) with the accessible table of the same
// numbers under it. The chart is hidden from screen readers: the table says everything it shows.
// Live changes update the chart in place (no new canvas), and the values it holds are mirrored on
// the canvas as data-values, so tests and tools can read what is drawn.

import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { useEffect, useRef } from "preact/hooks";
import { chartData, type DataTable } from "./tables";

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = "#1f2328";

// Printing lays the page out again at A4 width without a resize event: redraw every chart to its box.
window.addEventListener("beforeprint", () => {
  for (const chart of Object.values(Chart.instances)) chart.resize();
});
window.addEventListener("afterprint", () => {
  for (const chart of Object.values(Chart.instances)) chart.resize();
});

/** Colours of the platform: Kaolack's amber, the Oriental's teal, then the brand's. */
export const SERIES_COLOURS = ["#b45309", "#0f766e", "#7c2d12", "#6d28d9", "#475569"] as const;

export type ChartKind =
  /** One colour per row (given in `rowColours`). */
  | "doughnut"
  | "bar"
  /** Horizontal bars from 0 to 100. */
  | "percent"
  | "line";

export interface ChartViewProps {
  readonly id: string;
  readonly title: string;
  /** The table's caption (defaults to the title). */
  readonly caption?: string;
  /** Header of the first column (what a row is: a status, a day…). */
  readonly rowHeader: string;
  readonly table: DataTable;
  readonly kind: ChartKind;
  readonly rowColours?: readonly string[];
  readonly formatValue: (value: number) => string;
  /** Shown instead of the chart and table when the table has no row. */
  readonly empty?: string;
  /** The table scrolls within a fixed height on screen (a long series); it is printed whole. */
  readonly scrollTable?: boolean;
}

function configuration(props: ChartViewProps): ChartConfiguration {
  const data = chartData(props.table);
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const common = { responsive: true, maintainAspectRatio: false, animation: reduceMotion ? (false as const) : { duration: 300 } };
  if (props.kind === "doughnut") {
    return {
      type: "doughnut",
      data: {
        labels: data.labels,
        datasets: data.datasets.map((d) => ({ ...d, backgroundColor: [...(props.rowColours ?? SERIES_COLOURS)], borderWidth: 1 })),
      },
      options: { ...common, plugins: { legend: { position: "right" } } },
    };
  }
  const coloured = data.datasets.map((d, i) => ({
    ...d,
    backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
    borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
  }));
  if (props.kind === "line") {
    return {
      type: "line",
      data: { labels: data.labels, datasets: coloured.map((d) => ({ ...d, tension: 0.2, pointRadius: 2 })) },
      options: { ...common, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: "bottom" } } },
    };
  }
  const percent = props.kind === "percent";
  return {
    type: "bar",
    data: { labels: data.labels, datasets: coloured },
    options: {
      ...common,
      indexAxis: percent ? "y" : "x",
      scales: percent
        ? { x: { min: 0, max: 100, ticks: { callback: (v) => `${String(v)} %` } } }
        : { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: "bottom" } },
    },
  };
}

function ChartCanvas(props: ChartViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    chart.current = new Chart(canvas.current!, configuration(props));
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [props.kind]);

  // Live numbers: change the data of the chart drawn (it animates to the new values).
  useEffect(() => {
    const drawn = chart.current;
    if (drawn === null) return;
    const next = chartData(props.table);
    drawn.data.labels = next.labels;
    next.datasets.forEach((d, i) => {
      const existing = drawn.data.datasets[i];
      if (existing === undefined) drawn.data.datasets.push(configuration(props).data.datasets[i]!);
      else Object.assign(existing, d);
    });
    drawn.data.datasets.length = next.datasets.length;
    drawn.update();
    canvas.current!.dataset["values"] = JSON.stringify(drawn.data.datasets.map((d) => d.data));
  }, [props.table]);

  return (
    <div class={`dash-chart dash-chart--${props.kind}`} aria-hidden="true">
      <canvas ref={canvas} />
    </div>
  );
}

/** A chart and the table of its numbers. */
export function ChartView(props: ChartViewProps) {
  const { id, title, caption, rowHeader, table, formatValue, empty, scrollTable } = props;
  const headingId = `${id}-title`;
  const rows = table.rows;
  const tableElement = (
    <table class="dash-table">
      <caption>{caption ?? title}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {table.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{row.label}</th>
            {row.values.map((value, i) => (
              <td key={i}>{formatValue(value)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section class="dash-card" id={id} aria-labelledby={headingId}>
      <h3 id={headingId} class="dash-card__title">
        {title}
      </h3>
      {rows.length === 0 && empty !== undefined ? (
        <p class="muted">{empty}</p>
      ) : (
        <>
          <ChartCanvas {...props} />
          {/* Scrolls in its own box when longer (a series) or wider (a phone) than the card. */}
          <div class={scrollTable ? "dash-table-scroll dash-table-scroll--tall" : "dash-table-scroll"} tabIndex={0} role="region" aria-label={caption ?? title}>
            {tableElement}
          </div>
        </>
      )}
    </section>
  );
}
