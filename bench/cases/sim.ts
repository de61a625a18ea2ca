/**
 * The simulated host's formula evaluator over a 60,000-row Deals table, as the e2e tests load it. Each
 * formula is timed against a bare read of the same cells out of the sim's cell map (what any evaluation
 * must at least do), in the same process; the recalculation case times a Dashboard of such formulas.
 */
import { Calculator, WorkbookModel } from "../../src/sim";
import type { SheetModel } from "../../src/sim";
import { cellKey } from "../../src/sim/model";
import { againstScan } from "../lib";
import type { BenchCase, BenchContext, BenchRow } from "../types";

const REGIONS = ["East", "West", "North", "South"];
const COLUMNS = ["Region", "Owner", "Amount", "CloseDate", "Outcome"];

function dealsWorkbook(rows: number): { model: WorkbookModel; deals: SheetModel; dash: SheetModel } {
  const model = new WorkbookModel(["Deals", "Dashboard"]);
  const deals = model.sheets[0];
  COLUMNS.forEach((name, c) => deals.cells.set(cellKey(0, c), { value: name }));
  for (let r = 1; r <= rows; r++) {
    const i = r - 1;
    deals.cells.set(cellKey(r, 0), { value: REGIONS[i % 4] });
    if (i % 7 !== 0) deals.cells.set(cellKey(r, 1), { value: `Owner ${i % 23}` });
    deals.cells.set(cellKey(r, 2), { value: (i * 37) % 10_000 });
    deals.cells.set(cellKey(r, 3), { value: 46_023 + (i % 730) });
    deals.cells.set(cellKey(r, 4), { value: i % 3 === 0 ? "Won" : i % 3 === 1 ? "Lost" : "Open" });
  }
  model.addTable(deals, { top: 0, left: 0, bottom: rows, right: COLUMNS.length - 1 }, true).name = "Deals";
  return { model, deals, dash: model.sheets[1] };
}

/** Reads the named columns' data cells out of the cell map and looks at each value's type. */
function mapScan(sheet: SheetModel, rows: number, columns: number[]): number {
  let acc = 0;
  for (const c of columns) {
    for (let r = 1; r <= rows; r++) {
      const v = sheet.cells.get(cellKey(r, c))?.value;
      if (typeof v === "number") acc += v > 0 ? 1 : 0;
      else if (typeof v === "string") acc += v.length;
    }
  }
  return acc;
}

const FORMULAS: Array<{ name: string; formula: string; columns: number[]; maxRatio: number }> = [
  {
    name: 'FILTER(Deals[Amount], Deals[Region]="East")',
    formula: '=FILTER(Deals[Amount],Deals[Region]="East")',
    columns: [0, 2],
    maxRatio: 4,
  },
  {
    name: "SUM(FILTER(amount, won × date ≥ DATE))",
    formula: '=SUM(FILTER(Deals[Amount],(Deals[Outcome]="Won")*(Deals[CloseDate]>=DATE(2026,12,1))))',
    columns: [2, 3, 4],
    maxRatio: 6,
  },
  {
    name: "COUNTIFS, two criteria",
    formula: '=COUNTIFS(Deals[Region],"East",Deals[Outcome],"Won")',
    columns: [0, 4],
    maxRatio: 4,
  },
  {
    name: "SUMIFS, two criteria",
    formula: '=SUMIFS(Deals[Amount],Deals[Region],"East",Deals[CloseDate],">="&DATE(2026,1,1))',
    columns: [0, 2, 3],
    maxRatio: 4,
  },
  {
    name: "TAKE(SORTBY(FILTER(HSTACK(3 columns)), …), 5)",
    formula:
      '=TAKE(SORTBY(FILTER(HSTACK(Deals[Region],Deals[Owner],Deals[Amount]),Deals[Owner]<>""),FILTER(Deals[Amount],Deals[Owner]<>""),-1),5)',
    columns: [0, 1, 2, 1, 2],
    maxRatio: 12,
  },
];

function formulaCase(index: number): BenchCase {
  return (ctx: BenchContext): BenchRow[] => {
    const rows = Math.round(60_000 * ctx.scale);
    const { model, deals, dash } = dealsWorkbook(rows);
    const calc = new Calculator(model, { functions: {} });
    const { name, formula, columns, maxRatio } = FORMULAS[index];
    const scanMs = ctx.time(() => mapScan(deals, rows, columns));
    const ms = ctx.time(() => calc.evaluateFormula(formula, dash, 0, 0));
    return [
      againstScan(`sim: ${name}`, rows, ms, scanMs, maxRatio, "baseline: the same cells read from the sim's cell map"),
    ];
  };
}

const recalculation: BenchCase = (ctx) => {
  const rows = Math.round(60_000 * ctx.scale);
  const { model, deals, dash } = dealsWorkbook(rows);
  const calc = new Calculator(model, { functions: {} });
  FORMULAS.forEach((f, i) => model.writeInput(dash, 0, i * 4, f.formula));
  const scanMs = ctx.time(() => mapScan(deals, rows, [0, 1, 2, 3, 4]));
  const ms = ctx.time(() => calc.recalculate());
  return [
    againstScan(
      `sim: recalculate a Dashboard of the ${FORMULAS.length} formulas above`,
      rows,
      ms,
      scanMs,
      15,
      "baseline: all five columns read once from the sim's cell map; one FILTER spills 15,000 rows",
    ),
  ];
};

export const cases: Record<string, BenchCase> = {
  ...Object.fromEntries(FORMULAS.map((_, i) => [`sim-formula-${i + 1}`, formulaCase(i)])),
  "sim-recalculate": recalculation,
};
