/* eslint-disable @typescript-eslint/no-explicit-any */
import fc from "fast-check";
import { actuals, targetPlan } from "../../src/functions/functions";
import { serial } from "../functions/helpers";

const startArb = fc.integer({ min: serial(2020, 1, 1), max: serial(2030, 12, 31) });
const periodArb = fc.constantFrom("M", "Q", "W", "月", "季度", "week");
// An amount cell and the number it stands for.
const amountArb = fc.oneof(
  fc.integer({ min: -5000, max: 100000 }).map((n) => [n, n] as const),
  fc.integer({ min: 0, max: 1000000 }).map((c) => [c / 100, c / 100] as const),
  fc.constantFrom([null, 0] as const, ["", 0] as const, ["1,200", 1200] as const, ["¥3.5万", 35000] as const),
);
const ownerArb = fc.constantFrom<unknown>("Ann", "ann ", "Bob", "BOB", "张三", "", null, 0, 42, "42");
const outcomeArb = fc.constantFrom<unknown>("won", "Won", "赢单", "lost", "open", "", null);
const isWon = (o: unknown) => typeof o === "string" && ["won", "赢单"].includes(o.trim().toLowerCase());

describe("ACTUALS properties", () => {
  test("Total row + (outside) = the sum of counted amounts; Total column = the sum of the other columns", () => {
    fc.assert(
      fc.property(
        startArb,
        periodArb,
        fc.array(fc.tuple(amountArb, fc.integer({ min: -60, max: 430 }), fc.boolean(), ownerArb, outcomeArb), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<any>(null, [["Ann"], ["Bob"]], [["bob"], ["张三"], ["Dee"]]),
        (start, period, records, withOwners, withOutcomes, ownerList) => {
          const first = serial(...(ymd(start) as [number, number, number]));
          const amounts = records.map((r) => [r[0][0]]);
          const dates = records.map((r) => [r[2] ? "" : first + r[1]]);
          const owners = withOwners ? records.map((r) => [r[3]]) : null;
          const outcomes = withOutcomes ? records.map((r) => [r[4]]) : null;
          const list = withOwners ? ownerList : null;
          const out = actuals(
            amounts,
            dates,
            start,
            period,
            owners as any,
            list,
            outcomes as any,
            null as any,
            null as any,
          );
          let counted = 0;
          records.forEach((r) => {
            if (!withOutcomes || isWon(r[4])) counted += r[0][1];
          });
          const last = out[out.length - 1];
          const hasOutside = last[0] === "(outside)";
          const totalRow = out[out.length - (hasOutside ? 2 : 1)];
          expect(totalRow[0]).toBe("Total");
          const width = out[0].length;
          const totalCell = (r: unknown[]) => r[width - 1] as number;
          const sum = totalCell(totalRow) + (hasOutside ? totalCell(last) : 0);
          expect(Math.abs(sum - counted)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(counted)));
          for (const r of out.slice(1)) {
            for (const v of r.slice(1)) expect(typeof v).toBe("number");
            if (withOwners) {
              const parts = (r.slice(1, width - 1) as number[]).reduce((a, b) => a + b, 0);
              expect(Math.abs(parts - totalCell(r))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(parts)));
            }
          }
          // the Total row is the sum of the period rows
          const body = out.slice(1, out.length - (hasOutside ? 2 : 1));
          for (let c = 1; c < width; c++) {
            const s = body.reduce((a, r) => a + (r[c] as number), 0);
            expect(Math.abs(s - (totalRow[c] as number))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(s)));
          }
        },
      ),
      { numRuns: 250 },
    );
  });

  test("for the same start_date / period / holidays / workdays, ACTUALS and TARGETPLAN have identical Period columns", () => {
    fc.assert(
      fc.property(
        startArb,
        periodArb,
        fc.array(fc.integer({ min: -20, max: 400 }), { maxLength: 60 }),
        fc.array(fc.integer({ min: -20, max: 400 }), { maxLength: 20 }),
        fc.boolean(),
        (start, period, holidayOffsets, workdayOffsets, withOwners) => {
          // Whole blocks of holidays too, so that weeks and months without working days occur.
          const block = holidayOffsets.length > 30 ? Array.from({ length: 40 }, (_, i) => holidayOffsets[0] + i) : [];
          const holidays = [...holidayOffsets, ...block].map((o) => [start + o]);
          const workdays = workdayOffsets.map((o) => [start + o]);
          const h = holidays.length ? holidays : null;
          const w = workdays.length ? workdays : null;
          const owners = withOwners ? [["Ann"], ["Bob"]] : null;
          const plan = targetPlan(1000, start, period, null as any, owners as any, null as any, 0, h as any, w as any);
          const recordOwners = withOwners ? [["Ann"]] : null;
          const act = actuals(
            [[1]],
            [[start]],
            start,
            period,
            recordOwners as any,
            owners as any,
            null as any,
            h as any,
            w as any,
          );
          expect(act.map((r) => r[0])).toEqual(plan.map((r) => r[0]));
          // Same owner columns and Total; without owners the value column is "Actual" where the plan says "Target".
          if (withOwners) expect(act[0]).toEqual(plan[0]);
          else expect(act[0]).toEqual(["Period", "Actual"]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function ymd(s: number): [number, number, number] {
  const dt = new Date(Date.UTC(1899, 11, 30) + s * 86400000);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, 1];
}
