/** A dependency-free SVG line chart for eval curves (x and y in [0, 1]). */
export interface ChartSeries {
  name: string;
  color: string;
  points: ReadonlyArray<{ x: number; y: number; label?: string }>;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function svgLineChart(options: { title: string; xLabel: string; yLabel: string; series: readonly ChartSeries[]; yMin?: number; yMax?: number }): string {
  const width = 640;
  const height = 420;
  const margin = { left: 64, right: 24, top: 44, bottom: 56 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const yMin = options.yMin ?? 0;
  const yMax = options.yMax ?? 1;
  const x = (value: number) => margin.left + value * plotWidth;
  const y = (value: number) => margin.top + (1 - (value - yMin) / (yMax - yMin)) * plotHeight;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  parts.push(`<text x="${width / 2}" y="24" text-anchor="middle" font-size="15">${escapeXml(options.title)}</text>`);
  for (let tick = 0; tick <= 10; tick += 2) {
    const value = tick / 10;
    const yValue = yMin + value * (yMax - yMin);
    parts.push(`<line x1="${x(value)}" y1="${margin.top}" x2="${x(value)}" y2="${margin.top + plotHeight}" stroke="#eee"/>`);
    parts.push(`<line x1="${margin.left}" y1="${y(yValue)}" x2="${margin.left + plotWidth}" y2="${y(yValue)}" stroke="#eee"/>`);
    parts.push(`<text x="${x(value)}" y="${margin.top + plotHeight + 18}" text-anchor="middle">${value.toFixed(1)}</text>`);
    parts.push(`<text x="${margin.left - 8}" y="${y(yValue) + 4}" text-anchor="end">${yValue.toFixed(2)}</text>`);
  }
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  parts.push(`<text transform="translate(18 ${margin.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  options.series.forEach((series, seriesIndex) => {
    const sorted = [...series.points].sort((a, b) => a.x - b.x);
    parts.push(`<polyline fill="none" stroke="${series.color}" stroke-width="2" points="${sorted.map((point) => `${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`).join(" ")}"/>`);
    for (const point of sorted) {
      parts.push(`<circle cx="${x(point.x).toFixed(1)}" cy="${y(point.y).toFixed(1)}" r="3" fill="${series.color}"/>`);
      if (point.label) parts.push(`<text x="${(x(point.x) + 6).toFixed(1)}" y="${(y(point.y) - 6).toFixed(1)}" font-size="11">${escapeXml(point.label)}</text>`);
    }
    parts.push(`<rect x="${margin.left + 12}" y="${margin.top + 10 + seriesIndex * 18}" width="12" height="3" fill="${series.color}"/>`);
    parts.push(`<text x="${margin.left + 30}" y="${margin.top + 15 + seriesIndex * 18}">${escapeXml(series.name)}</text>`);
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
