/**
 * What *Add to Dashboard* writes around an Overview chart's formula, so the sheet reads like the pane: number formats
 * on the spill, and an Excel chart where one fits (Excel's own types: clustered bars of attainment by owner, clustered
 * columns of actuals with the plan as a line, a funnel, a line of the forecast), or a colour scale on the region ×
 * stage grid. A chart needs its categories beside its values, so helper formulas next to the spill pick the columns
 * out of it (`INDEX(A5#,0,k)`): they follow the spill when the data changes. The chart's source range is the size the
 * spill has now (the pane's table has the same size: it is the same computation).
 */
import { columnLetters } from "../excel/chunking";
import type { ChartSpec } from "../excel/types";
import { stringLiteral, type Chart, type Value } from "./overview";

export interface DashboardExtras {
  /** Formulas written beside the spill (top-left cell, rows of formulas). */
  helpers: { topLeft: string; formulas: string[][] }[];
  formats: { address: string; format: string }[];
  colorScale?: { address: string; midpoint: number };
  chart?: Omit<ChartSpec, "title">;
  /** Rows the block takes from its title row, the chart included (the next block goes below). */
  height: number;
}

/** Rows a chart takes on the sheet. */
export const CHART_ROWS = 16;

const col = (index: number) => columnLetters(index);

/**
 * The extras for one chart whose formula spills from `A{top}` (its header row); `title` row is `top - 1`.
 * Undefined when the pane's value is an error (the written formula then errs too: no chart over an error).
 */
export function dashboardExtras(
  chart: Chart,
  top: number,
  formats: { money: string; legendActual: string; legendPlan: string },
): DashboardExtras | undefined {
  const value = chart.table?.value;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const rows = value as Value[][];
  const height = rows.length;
  const width = rows[0].length;
  const spill = `A${top}#`;
  const last = top + height - 1;
  // Helper columns start one empty column after the spill; a chart one empty column after them.
  const helperAt = width + 1;
  const out: DashboardExtras = { helpers: [], formats: [], height: 1 + height };
  const withChart = (helperColumns: number, spec: Omit<ChartSpec, "title" | "topLeft" | "bottomRight">) => {
    const left = helperAt + helperColumns + 1;
    out.chart = { ...spec, topLeft: `${col(left)}${top - 1}`, bottomRight: `${col(left + 7)}${top - 1 + CHART_ROWS}` };
    out.height = Math.max(out.height, CHART_ROWS + 1);
  };
  const money = (c: number) =>
    out.formats.push({ address: `${col(c)}${top + 1}:${col(c)}${last}`, format: formats.money });
  const percent = (c: number) => out.formats.push({ address: `${col(c)}${top + 1}:${col(c)}${last}`, format: "0.0%" });

  switch (chart.id) {
    case "byOwner": {
      // Owner | Target | Actual | Attainment | Gap | Expected | Pace | Status | Projected | Rank; the chart leaves Total out.
      [1, 2, 4, 5, 8].forEach(money);
      [3, 6].forEach(percent);
      const h = col(helperAt);
      out.helpers.push({ topLeft: `${h}${top}`, formulas: [[`=INDEX(${spill},0,1)`, `=INDEX(${spill},0,4)`]] });
      out.formats.push({ address: `${col(helperAt + 1)}${top + 1}:${col(helperAt + 1)}${last}`, format: "0.0%" });
      withChart(2, {
        source: `${h}${top}:${col(helperAt + 1)}${last - 1}`,
        type: "BarClustered",
        seriesBy: "Columns",
      });
      break;
    }
    case "planActual": {
      // Period | Total (… | Total): the months' actual beside the plan's Total column, the plan drawn as a line.
      for (let c = 1; c < width; c++) money(c);
      const plan = chart.plan?.formula.replace(/^=/, "");
      if (!plan || height < 13) break;
      const h = col(helperAt);
      out.helpers.push({
        topLeft: `${h}${top}`,
        formulas: [
          [`=INDEX(${spill},1,1)`, `=${stringLiteral(formats.legendActual)}`, `=${stringLiteral(formats.legendPlan)}`],
          [
            `=TAKE(DROP(INDEX(${spill},0,1),1),12)`,
            `=TAKE(DROP(INDEX(${spill},0,COLUMNS(${spill})),1),12)`,
            `=LET(p,${plan},TAKE(DROP(INDEX(p,0,COLUMNS(p)),1),12))`,
          ],
        ],
      });
      out.formats.push({
        address: `${col(helperAt + 1)}${top + 1}:${col(helperAt + 2)}${top + 12}`,
        format: formats.money,
      });
      withChart(3, {
        source: `${h}${top}:${col(helperAt + 2)}${top + 12}`,
        type: "ColumnClustered",
        lineSeries: [1],
        seriesBy: "Columns",
      });
      break;
    }
    case "funnel": {
      // Stage | Count | Reached | Step conversion | Cumulative … : the funnel of Reached over the stages (and Won).
      [3, 4].forEach(percent);
      const stages = rows.slice(1).filter((r) => typeof r[2] === "number").length;
      if (stages === 0) break;
      const h = col(helperAt);
      out.helpers.push({ topLeft: `${h}${top}`, formulas: [[`=INDEX(${spill},0,1)`, `=INDEX(${spill},0,3)`]] });
      withChart(2, { source: `${h}${top}:${col(helperAt + 1)}${top + stages}`, type: "Funnel" });
      break;
    }
    case "forecast": {
      // Period | Forecast: a line of the next months, straight from the spill's first two columns.
      for (let c = 1; c < width; c++) money(c);
      withChart(-1, { source: `A${top}:B${last}`, type: "Line", seriesBy: "Columns" });
      break;
    }
    case "funnelBy": {
      // Stage | region … | Total, shares reaching each stage: a colour scale reads like the pane's tinted grid.
      const unmatched = new Set(["(unmatched)", "(未匹配)"]);
      const shares = rows.slice(1).filter((r) => !unmatched.has(String(r[0]))).length;
      if (shares > 0 && width > 1) {
        const address = `B${top + 1}:${col(width - 1)}${top + shares}`;
        out.formats.push({ address, format: "0%" });
        out.colorScale = { address, midpoint: 0.5 };
      }
      break;
    }
    case "likely": {
      // Name | (Owner) | (Amount) | Win probability | Win factors.
      if (width >= 3) percent(width - 2);
      if (width >= 4 && rows.slice(1).some((r) => typeof r[width - 3] === "number")) money(width - 3);
      break;
    }
  }
  return out;
}
