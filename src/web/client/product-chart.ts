import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The shape of the page's `#price-history-data` (see products/price-chart.tsx). */
interface ChartData {
  currency: string | null;
  series: { label: string; own: boolean; points: { at: string; price: string | null; outOfStock: boolean; promotions: number }[] }[];
}

const COLOURS = ['#0b5cad', '#c2410c', '#15803d', '#7c3aed', '#be185d', '#0e7490', '#a16207', '#4b5563'];
const OUT_OF_STOCK = '#a4262c';
const PROMOTION = '#d97706';

/** One x axis (every capture time, in seconds) with each offer's price at its own captures and gaps elsewhere. */
function align(data: ChartData): { aligned: AlignedData; marks: { out: boolean; promo: boolean }[][] } {
  const times = [...new Set(data.series.flatMap((s) => s.points.map((p) => Date.parse(p.at) / 1000)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const marks = data.series.map(() => times.map(() => ({ out: false, promo: false })));
  const ys = data.series.map((s, si) => {
    const y: (number | null)[] = times.map(() => null);
    for (const p of s.points) {
      const i = index.get(Date.parse(p.at) / 1000)!;
      y[i] = p.price === null ? null : Number(p.price);
      marks[si]![i] = { out: p.outOfStock, promo: p.promotions > 0 };
    }
    return y;
  });
  return { aligned: [times, ...ys], marks };
}

/** Draws a cross at out-of-stock captures and a ring at captures with a promotion, on each offer's line. */
function markers(marks: { out: boolean; promo: boolean }[][]) {
  return (u: uPlot) => {
    const { ctx } = u;
    const r = 5 * devicePixelRatio;
    ctx.save();
    ctx.lineWidth = 2 * devicePixelRatio;
    marks.forEach((row, si) => {
      if (!u.series[si + 1]?.show) return;
      const ys = u.data[si + 1]!;
      row.forEach((m, i) => {
        if (!m.out && !m.promo) return;
        const x = u.valToPos(u.data[0][i]!, 'x', true);
        // a stock-out without a price sits on the x axis
        const value = ys[i];
        const y = value == null ? u.bbox.top + u.bbox.height - r : u.valToPos(value, 'y', true);
        if (m.promo) {
          ctx.strokeStyle = PROMOTION;
          ctx.beginPath();
          ctx.arc(x, y, r * 1.4, 0, Math.PI * 2);
          ctx.stroke();
        }
        if (m.out) {
          ctx.strokeStyle = OUT_OF_STOCK;
          ctx.beginPath();
          ctx.moveTo(x - r, y - r);
          ctx.lineTo(x + r, y + r);
          ctx.moveTo(x + r, y - r);
          ctx.lineTo(x - r, y + r);
          ctx.stroke();
        }
      });
    });
    ctx.restore();
  };
}

function draw(host: HTMLElement, data: ChartData): void {
  const { aligned, marks } = align(data);
  const format = (digits: number) =>
    data.currency ? new Intl.NumberFormat(undefined, { style: 'currency', currency: data.currency, maximumFractionDigits: digits }) : new Intl.NumberFormat(undefined, { maximumFractionDigits: digits });
  const exact = format(2);
  const whole = format(0);
  const money = (v: number) => exact.format(v);
  const width = () => Math.max(280, host.clientWidth);
  const height = () => (host.clientWidth < 600 ? 260 : 340);
  const options: Options = {
    width: width(),
    height: height(),
    scales: { x: { time: true } },
    axes: [{}, { values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? whole.format(t) : exact.format(t))), size: 84 }],
    series: [
      { label: 'Captured' },
      ...data.series.map((s, i) => ({
        label: s.own ? `${s.label} (own)` : s.label,
        stroke: COLOURS[i % COLOURS.length],
        width: s.own ? 3 : 2,
        spanGaps: true,
        value: (_u: uPlot, v: number | null) => (v == null ? '—' : money(v)),
        points: { show: true, size: 5 },
      })),
    ],
    hooks: { draw: [markers(marks)] },
  };
  const plot = new uPlot(options, aligned, host);
  new ResizeObserver(() => plot.setSize({ width: width(), height: height() })).observe(host);
}

const host = document.getElementById('price-chart');
const source = document.getElementById('price-history-data');
if (host && source?.textContent) draw(host, JSON.parse(source.textContent) as ChartData);
