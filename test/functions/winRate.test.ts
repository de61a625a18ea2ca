import { winRate } from "../../src/functions/functions";
import { cell, col, expectThrows, row, xlErr } from "./helpers";

describe("WINRATE", () => {
  test("won ÷ (won + lost), open ignored", () => {
    expect(winRate(col("won", "lost", "open", "", null, "Won", "Closed Lost", "进行中"))).toBeCloseTo(2 / 4, 12);
    expect(
      winRate(row("赢单", "输单", "成交", "已成交", "赢", "丢单", "失败", "输", "win", "lose", "跟进中")),
    ).toBeCloseTo(5 / 10, 12);
    expect(winRate(cell("closed   WON"))).toBe(1);
    expect(winRate(col("lost", "lost", "won"))).toBeCloseTo(1 / 3, 12);
  });

  test("0 is a blank outcome (open)", () => {
    expect(winRate(col(0, "won", 0, "lost", "lost"))).toBeCloseTo(1 / 3, 12);
  });

  test("no closed record is #DIV/0!", () => {
    expectThrows(() => winRate(col("open", "", null, "进行中")), "#DIV/0!");
    expectThrows(() => winRate(cell(null)), "#DIV/0!");
  });

  test("an unknown outcome word is #VALUE! naming it", () => {
    expectThrows(() => winRate(col("won", "stalled")), "#VALUE!", "stalled");
    expectThrows(() => winRate(col("won", 5)), "#VALUE!");
  });

  test("an error value in the data is #VALUE!", () => {
    expectThrows(() => winRate(col("won", xlErr("#N/A"))), "#VALUE!");
  });
});
