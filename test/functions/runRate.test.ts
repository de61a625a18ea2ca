import { runRate } from "../../src/functions/functions";
import { expectMoney, expectThrows, serial, todaySerial } from "./helpers";

const START = serial(2025, 1, 1);
const END = serial(2025, 1, 31);

describe("RUNRATE", () => {
  test("actual × total days ÷ elapsed days (calendar days, inclusive)", () => {
    expectMoney(runRate(100, START, END, serial(2025, 1, 10)), 310);
    expectMoney(runRate(100, START, END, START), 3100);
  });

  test("after the end, elapsed = total, so the projection is the actual", () => {
    expectMoney(runRate(100, START, END, END), 100);
    expectMoney(runRate(100, START, END, serial(2025, 6, 1)), 100);
  });

  test("time of day is dropped", () => {
    expectMoney(runRate(100, START + 0.3, END + 0.9, serial(2025, 1, 10) + 0.99), 310);
  });

  test("text dates and numeric text", () => {
    expectMoney(runRate("¥1万", "2025-01-01", "2025/01/31", "2025年1月10日"), 31000);
    expectMoney(runRate("1,000", "2025.01.01", END, serial(2025, 1, 31)), 1000);
  });

  test("a one-day period", () => {
    expectMoney(runRate(42, START, START, START), 42);
  });

  test("as_of before start is #N/A", () => {
    expectThrows(() => runRate(100, START, END, START - 1), "#N/A");
  });

  test("end before start is #VALUE!", () => {
    expectThrows(() => runRate(100, END, START, END), "#VALUE!");
  });

  test("non-numbers and non-dates are #VALUE!", () => {
    expectThrows(() => runRate("plenty", START, END, END), "#VALUE!");
    expectThrows(() => runRate(100, "someday", END, END), "#VALUE!");
  });

  test("an omitted as_of is the machine's local date today", () => {
    const today = todaySerial();
    expectMoney(runRate(100, today - 9, today + 20, null), 300);
  });
});
