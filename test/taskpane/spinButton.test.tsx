/**
 * The pane's one number box (issue 6, item 5): it reads what the SALES functions read, shows numbers the way
 * the display language writes them, says why it refuses text, and never rounds or clamps silently.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { createTranslator, type Currency, type UiLanguage } from "../../src/i18n";
import { LocalizedSpinButton, NumberField, type NumberInputProps } from "../../src/taskpane/components";
import { CurrencyContext, I18nContext } from "../../src/taskpane/hooks";
import { readNumber } from "../../src/taskpane/numberText";

function renderBox(
  props: Partial<NumberInputProps> & { label?: string },
  options: { language?: UiLanguage; currency?: Currency; field?: boolean } = {},
) {
  const language = options.language ?? "en-US";
  const seen: Array<number | null> = [];
  const box = {
    value: props.value ?? 0,
    ...props,
    onNumber: (v: number) => seen.push(v),
    onBlank: () => seen.push(null),
  } as NumberInputProps;
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ language, t: createTranslator(language) }}>
        <CurrencyContext.Provider value={{ currency: options.currency ?? "USD", setCurrency: () => undefined }}>
          {options.field === false ? (
            <LocalizedSpinButton aria-label="target" {...box} />
          ) : (
            <NumberField label={props.label ?? "target"} {...box} />
          )}
        </CurrencyContext.Provider>
      </I18nContext.Provider>
    </FluentProvider>,
  );
  const boxes = screen.getAllByRole("spinbutton");
  return { input: boxes[boxes.length - 1] as HTMLInputElement, seen };
}

function type(input: HTMLElement, text: string) {
  fireEvent.input(input, { target: { value: text } });
  fireEvent.blur(input);
}

test("typed numbers are read as the SALES functions read them: 1,200, ¥3.5万, 50k", () => {
  const { input, seen } = renderBox({});
  type(input, "1,200");
  type(input, "¥3.5万");
  type(input, "50k");
  expect(seen).toEqual([1200, 35000, 50000]);
});

test("15% is a rate where a rate is asked, and refused with a reason elsewhere", () => {
  const rate = readNumber("15%", { kind: "rate", min: 0, max: 1 }, "en-US");
  expect(rate).toEqual({ value: 0.15 });
  const { input, seen } = renderBox({ kind: "money" });
  type(input, "15%");
  expect(seen).toEqual([]);
  expect(screen.getByText("A percentage is not expected here: type the number itself.")).toBeInTheDocument();
});

test.each([
  ["abc", "“abc” is not a number. Type digits, for example 1,200, 50k or ¥3.5万."],
  ["12abc", "“12abc” is not a number. Type digits, for example 1,200, 50k or ¥3.5万."],
  ["-5", "Enter 0 or more."],
  ["99999999999999999999", "Enter 999,999,999,999,999 or less."],
])("refuses %s, says why and keeps the text in view", (text, reason) => {
  const { input, seen } = renderBox({ min: 0, value: 7 });
  type(input, text);
  expect(seen).toEqual([]);
  expect(screen.getByText(reason)).toBeInTheDocument();
  expect(input.value).toBe(text);
  expect(input).toHaveAttribute("aria-invalid", "true");
  // Correcting it clears the message.
  type(input, "8");
  expect(seen).toEqual([8]);
  expect(screen.queryByText(reason)).not.toBeInTheDocument();
});

test("3.7 stays 3.7 (no silent rounding); a whole-number box refuses it instead", () => {
  const { input, seen } = renderBox({ value: 1_200_000, step: 10_000 });
  type(input, "3.7");
  expect(seen).toEqual([3.7]);
  const whole = renderBoxAgain({ kind: "integer", value: 2 });
  type(whole.input, "3.7");
  expect(whole.seen).toEqual([]);
  expect(screen.getByText("Enter a whole number (no decimals).")).toBeInTheDocument();
});

const renderBoxAgain = renderBox;

test("values are shown with the display language's grouping and the workbook's currency", () => {
  const { input } = renderBox({ value: 2_400_000, kind: "money" }, { currency: "CNY", language: "zh-CN" });
  expect(input.value).toBe("¥2,400,000");
  const plain = renderBoxAgain({ value: 14631 });
  expect(plain.input.value).toBe("14,631");
});

test("money typed in 万 is shown in 万", () => {
  const { input, seen } = renderBox({ value: 0, kind: "money" }, { currency: "CNY", language: "zh-CN" });
  type(input, "¥240万");
  expect(seen).toEqual([2_400_000]);
});

test("blank is a value only where the box allows it", () => {
  const { input, seen } = renderBox({ value: 5, allowBlank: true });
  type(input, "");
  expect(seen).toEqual([null]);
  const strict = renderBoxAgain({ value: 5 });
  type(strict.input, " ");
  expect(strict.seen).toEqual([]);
  expect(screen.getByText("Enter a number.")).toBeInTheDocument();
});

test("the step buttons are named in the display language", () => {
  renderBox({}, { language: "zh-CN", field: false });
  expect(screen.getByRole("button", { name: "增加" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "减少" })).toBeTruthy();
});
