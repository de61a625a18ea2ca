import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { createTranslator } from "../../src/i18n";
import { LocalizedSpinButton } from "../../src/taskpane/components";
import { I18nContext } from "../../src/taskpane/hooks";

function renderSpin(onNumber: (v: number) => void, min?: number, max?: number) {
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ language: "zh-CN", t: createTranslator("zh-CN") }}>
        <LocalizedSpinButton aria-label="target" value={0} min={min} max={max} onNumber={onNumber} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  return screen.getByRole("spinbutton", { name: "target" });
}

function type(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

test("typed numbers are read as the SALES functions read them", () => {
  const seen: number[] = [];
  const input = renderSpin((v) => seen.push(v));
  type(input, "1,200");
  type(input, "¥3.5万");
  expect(seen).toEqual([1200, 35000]);
});

test("text that is not a number, or outside min/max, changes nothing", () => {
  const seen: number[] = [];
  const input = renderSpin((v) => seen.push(v), 1, 4);
  type(input, "abc");
  type(input, "9");
  type(input, "0");
  type(input, "3");
  expect(seen).toEqual([3]);
});

test("the step buttons are named in the display language", () => {
  renderSpin(() => undefined);
  expect(screen.getByRole("button", { name: "增加" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "减少" })).toBeTruthy();
});
