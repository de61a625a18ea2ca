import type { CellValue } from "../excel/types";
import { parseDate, parseOutcome } from "./engineBridge";

export interface FollowUp {
  row: number;
  company: string;
  owner: string;
  stage: string;
  due: number;
  /** Days past due: 0 today, positive overdue, negative not yet due (−3 = due in 3 days). */
  overdueDays: number;
}

/** Days ahead the list also shows ("due in the next 7 days"). */
export const UPCOMING_DAYS = 7;

/**
 * Open leads due within `horizon` days from `asOf` or earlier: most overdue first, then the soonest due
 * (ties keep table order). Closed leads (won or lost) are left out.
 */
export function dueFollowUps(
  columns: Record<string, CellValue[]>,
  map: { date: string; company: string; owner: string; stage: string; outcome: string },
  asOf: number,
  horizon = 0,
): FollowUp[] {
  const dates = columns[map.date] ?? [];
  const list: FollowUp[] = [];
  const text = (col: string, i: number) => (col ? String(columns[col]?.[i] ?? "") : "");
  for (let i = 0; i < dates.length; i++) {
    const d = parseDate(dates[i]);
    if (d === undefined || Math.floor(d) > asOf + horizon) continue;
    if (map.outcome) {
      const outcome = parseOutcome(columns[map.outcome]?.[i]);
      if (outcome === "won" || outcome === "lost") continue;
    }
    const due = Math.floor(d);
    list.push({
      row: i,
      company: text(map.company, i),
      owner: text(map.owner, i),
      stage: text(map.stage, i),
      due,
      overdueDays: asOf - due,
    });
  }
  return list.sort((a, b) => a.due - b.due || a.row - b.row);
}
