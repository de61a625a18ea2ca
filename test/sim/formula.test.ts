/**
 * The simulator's Excel formula semantics, one behaviour per case, with the values Excel 365 gives
 * (Microsoft's documented examples where the function page has them: ROUND*, EOMONTH, EDATE,
 * NETWORKDAYS.INTL; the others computed by hand from Excel's rules). Errors are shown as their text,
 * as a cell shows them.
 */
import { Calculator, WorkbookModel } from "../../src/sim";
import type { SheetModel } from "../../src/sim";

// Date serials used below (1900 date system): 2026-01-01 is 46023.
const JAN15 = 46037;
const FEB28 = 46081;
const MAR31 = 46112;
const DEC01 = 46357;
const DEC31 = 46387;

/**
 * Sheet D:
 *      A        B       C       D      E        F    G
 *  1   Region   Amount  Date    Flag   Note     Qty  Err
 *  2   East     100     Jan15   TRUE   x        1    1
 *  3   west     250     Feb28   FALSE  (blank)  2    #N/A
 *  4   East     50      Dec01   (blank) '10     3    3
 *  5   North    n/a     Mar31   TRUE   =""      5
 *  6   South    0       Dec31   FALSE  East     4
 */
function workbook(): { calc: Calculator; model: WorkbookModel; sheet: SheetModel } {
  const model = new WorkbookModel(["D", "My Sheet"]);
  const sheet = model.sheets[0];
  const rows: unknown[][] = [
    ["Region", "Amount", "Date", "Flag", "Note", "Qty", "Err"],
    ["East", 100, JAN15, true, "x", 1, 1],
    ["west", 250, FEB28, false, null, 2, "#N/A"],
    ["East", 50, DEC01, null, "'10", 3, 3],
    ["North", "n/a", MAR31, true, '=""', 5, null],
    ["South", 0, DEC31, false, "East", 4, null],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => model.writeInput(sheet, r, c, v)));
  model.writeInput(model.sheets[1], 0, 0, 7);
  model.addTable(sheet, { top: 0, left: 0, bottom: 5, right: 5 }, true).name = "T";
  const calc = new Calculator(model, { functions: {}, today: () => 46_100 });
  calc.recalculate();
  return { calc, model, sheet };
}

const { calc, sheet } = workbook();
const ev = (formula: string) => calc.evaluateFormula(formula, sheet, 20, 10);

type Case = [string, unknown];

function check(cases: Case[]): void {
  test.each(cases)("%s → %j", (formula, expected) => {
    const got = ev(formula);
    if (typeof expected === "number" && !Number.isInteger(expected)) expect(got).toBeCloseTo(expected, 12);
    else expect(got).toEqual(expected);
  });
}

describe("operators: precedence and associativity", () => {
  check([
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=-2^2", 4],
    ["=2^3^2", 64],
    ["=2^-1", 0.5],
    ["=5-3-1", 1],
    ["=10/4/5", 0.5],
    ["=2*50%", 1],
    ["=50%%", 0.005],
    ["=-B2", -100],
    ["=--TRUE", 1],
    ["=1+2&3", "33"],
    ["=1&2=12", false],
    ['="12"=1&2', true],
    ["=1+1=2", true],
  ]);
});

describe("operators: arithmetic and conversions", () => {
  check([
    ['="1"+"2"', 3],
    ["=TRUE+TRUE", 2],
    ["=E3+1", 1],
    ['=" 1,000 "*2', 2000],
    ['="50%"*2', 1],
    ['="$5"+1', 6],
    ['="2026-01-05"+0', 46027],
    ['="a"+1', "#VALUE!"],
    ['=""+1', "#VALUE!"],
    ['=-"3"', -3],
    ['=+"a"', "a"],
    ["=1/0", "#DIV/0!"],
    ["=0/0", "#DIV/0!"],
    ["=E3/E3", "#DIV/0!"],
    ["=0^0", "#NUM!"],
    ["=0^-1", "#DIV/0!"],
    ["=(-8)^(1/3)", "#NUM!"],
    ["=(-2)^3", -8],
    ["=10^400", "#NUM!"],
    ["=1E308*10", "#NUM!"],
  ]);
});

describe("operators: errors propagate, the left operand first", () => {
  check([
    ["=#N/A+1", "#N/A"],
    ["=1/0+#N/A", "#DIV/0!"],
    ['="a"*#N/A', "#VALUE!"],
    ['=#REF!&"x"', "#REF!"],
    ["=G3", "#N/A"],
    ["=G3=1", "#N/A"],
    ["=-G3", "#N/A"],
    ["=G3%", "#N/A"],
  ]);
});

describe("operators: & writes numbers as Excel does", () => {
  check([
    ['="a"&TRUE', "aTRUE"],
    ['=A2&"-"&B2', "East-100"],
    ['=1/3&""', "0.333333333333333"],
    ['=2/3&""', "0.666666666666667"],
    ['=0.1+0.2&""', "0.3"],
    ['=-0.5&""', "-0.5"],
    ['=1E+20&""', "1E+20"],
    ['=123456789012345678&""', "1.23456789012346E+17"],
    ['=0.0000001&""', "0.0000001"],
    ['=E3&"x"', "x"],
    ['=100000&""', "100000"],
  ]);
});

describe("operators: comparisons", () => {
  check([
    ['="a"="A"', true],
    ['="a"<"B"', true],
    ['="abc"<>"ABC"', false],
    ['=1<"a"', true],
    ['=99999<"0"', true],
    ['="z"<TRUE', true],
    ["=FALSE<TRUE", true],
    ["=TRUE>1", true],
    ['=1="1"', false],
    ["=E3=0", true],
    ['=E3=""', true],
    ["=E3=FALSE", true],
    ["=E3<1", true],
    ["=E3=E3", true],
    ['=E5=""', true],
    ["=E5=0", false],
    ["=0.1+0.2=0.3", true],
    ["=1>=1", true],
    ["=2<=1", false],
    ["=B5>60", true],
    ["=#N/A=#N/A", "#N/A"],
  ]);
});

describe("operators: dynamic-array broadcasting", () => {
  check([
    ["=B2:B4*2", [[200], [500], [100]]],
    ["=2*B2:B4", [[200], [500], [100]]],
    ['=A2:A6="east"', [[true], [false], [true], [false], [false]]],
    ["=B2:B6*2", [[200], [500], [100], ["#VALUE!"], [0]]],
    [
      "={1,2,3}+{10;20}",
      [
        [11, 12, 13],
        [21, 22, 23],
      ],
    ],
    [
      "={1,2}*{1;2;3}",
      [
        [1, 2],
        [2, 4],
        [3, 6],
      ],
    ],
    [
      "=F2:F3*{1,10}",
      [
        [1, 10],
        [2, 20],
      ],
    ],
    ["=B2:B3+F2:F3", [[101], [252]]],
    ["={1,2,3}+{1,2}", [[2, 4, "#N/A"]]],
    ["={1;2}+{1;2;3}", [[2], [4], ["#N/A"]]],
    [
      "={1,2,3;4,5,6}+{10;20;30}",
      [
        [11, 12, 13],
        [24, 25, 26],
        ["#N/A", "#N/A", "#N/A"],
      ],
    ],
    [
      "={1,2;3,4}*{10}",
      [
        [10, 20],
        [30, 40],
      ],
    ],
    ['=A2:A3&"-"&F2:F3', [["East-1"], ["west-2"]]],
    ["=-F2:F3", [[-1], [-2]]],
    ["=F2:F3%", [[0.01], [0.02]]],
    ["=G2:G4+1", [[2], ["#N/A"], [4]]],
  ]);
});

describe("references", () => {
  check([
    [
      "=A2:B3",
      [
        ["East", 100],
        ["west", 250],
      ],
    ],
    ["=E3", 0],
    ["=E2:E4", [["x"], [0], ["10"]]],
    ["=SUM(B:B)", 400],
    ["=SUM(2:2)", 100 + JAN15 + 1 + 1],
    ["=SUM($F$2:F$4)", 6],
    ["='My Sheet'!A1*2", 14],
    ["=SUM(D!F2:F6)", 15],
    ["=SUM(B2:INDEX(B2:B6,2))", 350],
    ["=SUM(INDEX(F2:F6,2):INDEX(F2:F6,3))", 5],
    ["=T[Qty]*1", [[1], [2], [3], [5], [4]]],
    ["=SUM(T[[Amount]:[Amount]])", 400],
    ["=ROWS(T)", 5],
    ["=ROWS(A:A)", 1_048_576],
    ["=@F2:F6", "#VALUE!"],
    ["=@{4,5}", 4],
    ["=@B2", 100],
  ]);

  test("@ picks the range's cell in the formula's own row", () => {
    expect(calc.evaluateFormula("=@F2:F6*10", sheet, 3, 10)).toBe(30);
  });
});

describe("IF, IFERROR, IFNA", () => {
  check([
    ['=IF(B2>60,"big","small")', "big"],
    ['=IF(B2>1000,"big")', false],
    ['=IF(B2>60,,"x")', 0],
    ['=IF(B2>1000,"x",)', 0],
    ['=IF("true",1,2)', 1],
    ['=IF("abc",1,2)', "#VALUE!"],
    ["=IF(G3,1,2)", "#N/A"],
    ["=IF(E3,1,2)", 2],
    ['=IF(B2:B4>60,"big","small")', [["big"], ["big"], ["small"]]],
    ["=IF({TRUE,FALSE},{1,2,3},0)", [[1, 0, "#N/A"]]],
    ["=IF(TRUE,B2:B3)", [[100], [250]]],
    ["=IF(TRUE,1,1/0)", 1],
    ['=IFERROR(1/0,"x")', "x"],
    ['=IFERROR(5,"x")', 5],
    ['=IFERROR(B2:B6*2,"bad")', [[200], [500], [100], ["bad"], [0]]],
    ["=IFERROR(G2:G4,0)", [[1], [0], [3]]],
    ["=IFERROR(G2:G4,{7;8;9})", [[1], [8], [3]]],
    ["=IFNA(G3,1)", 1],
    ["=IFNA(1/0,1)", "#DIV/0!"],
    ["=IFNA({1,#N/A},0)", [[1, 0]]],
  ]);
});

describe("AND, OR, NOT", () => {
  check([
    ["=AND(D2:D6)", false],
    ["=OR(D2:D6)", true],
    ["=AND(TRUE,1)", true],
    ['=AND("TRUE",1)', true],
    ['=AND("abc")', "#VALUE!"],
    ["=AND(E2:E6)", "#VALUE!"],
    ["=AND(E2:E6,TRUE)", true],
    ["=AND(TRUE,#N/A)", "#N/A"],
    ["=OR(F2:F6>4)", true],
    ["=AND(F2:F6>0)", true],
    ["=NOT(0)", true],
    ["=NOT(E3)", true],
    ["=NOT(D2:D3)", [[false], [true]]],
    ['=NOT("x")', "#VALUE!"],
  ]);
});

describe("SUM, AVERAGE, MIN, MAX, COUNT, COUNTA", () => {
  check([
    ["=SUM(B2:B6)", 400],
    ["=SUM(B2:B6,10)", 410],
    ['=SUM("3",TRUE)', 4],
    ['=SUM("x")', "#VALUE!"],
    ["=SUM(D2:D6)", 0],
    ['=SUM({1,TRUE,"2"})', 1],
    ["=SUM(G2:G4)", "#N/A"],
    ["=SUM(B2:B4*F2:F4)", 100 + 500 + 150],
    ["=AVERAGE(B2:B6)", 100],
    ["=AVERAGE(E2:E6)", "#DIV/0!"],
    ["=AVERAGE(F2:F6,TRUE)", 16 / 6],
    ["=MIN(B2:B6)", 0],
    ["=MAX(B2:B6)", 250],
    ["=MAX(E2:E6)", 0],
    ["=MIN(F2:F6,-1)", -1],
    ["=MAX(G2:G4)", "#N/A"],
    ["=COUNT(B2:B6)", 4],
    ['=COUNT(1,"2","x",TRUE,#N/A)', 3],
    ["=COUNT(G2:G4)", 2],
    ["=COUNTA(B2:B6)", 5],
    ["=COUNTA(E2:E6)", 4],
    ["=COUNTA(G2:G6)", 3],
    ['=COUNTA("",1)', 2],
  ]);
});

describe("SUMPRODUCT", () => {
  check([
    ["=SUMPRODUCT(F2:F6)", 15],
    ["=SUMPRODUCT(F2:F4,F2:F4)", 14],
    ['=SUMPRODUCT((A2:A6="East")*F2:F6)', 4],
    ['=SUMPRODUCT(--(A2:A6="East"),F2:F6)', 4],
    ['=SUMPRODUCT(A2:A6="East")', 0],
    ["=SUMPRODUCT(B2:B6,F2:F6)", 100 + 500 + 150 + 0],
    ["=SUMPRODUCT(F2:F6,F2:F5)", "#VALUE!"],
    ["=SUMPRODUCT(G2:G4,F2:F4)", "#N/A"],
    ["=SUMPRODUCT({1,2},{3,4})", 11],
  ]);
});

describe("COUNTIF and COUNTIFS criteria", () => {
  check([
    ['=COUNTIF(A2:A6,"east")', 2],
    ['=COUNTIF(A2:A6,"=East")', 2],
    ['=COUNTIF(A2:A6,"<>east")', 3],
    ['=COUNTIF(A2:A6,"?ast")', 2],
    ['=COUNTIF(A2:A6,"*th")', 2],
    ['=COUNTIF(A2:A6,"<m")', 2],
    ['=COUNTIF(B2:B6,">=100")', 2],
    ['=COUNTIF(B2:B6,"<100")', 2],
    ['=COUNTIF(B2:B6,"<>100")', 4],
    ["=COUNTIF(B2:B6,100)", 1],
    ['=COUNTIF(B2:B6,">"&B4)', 2],
    ['=COUNTIF(C2:C6,">="&DATE(2026,3,1))', 3],
    ['=COUNTIF(C2:C6,">=2026-03-01")', 3],
    ["=COUNTIF(D2:D6,TRUE)", 2],
    ['=COUNTIF(D2:D6,"false")', 2],
    ['=COUNTIF(E2:E6,"")', 2],
    ['=COUNTIF(E2:E6,"=")', 1],
    ['=COUNTIF(E2:E6,"<>")', 4],
    ['=COUNTIF(E2:E6,"*")', 4],
    ['=COUNTIF(E2:E6,"?*")', 3],
    ["=COUNTIF(E2:E6,10)", 1],
    ['=COUNTIF(G2:G4,"#N/A")', 1],
    ['=COUNTIF(G2:G4,"<>1")', 2],
    ["=COUNTIF(F2:F6,E3)", 0],
    ['=COUNTIF({"a~*"},"a~*")', '=COUNTIF({"a~*"},"a~*")'],
    ["=COUNTIF(B2:B6,{100,50})", [[1, 1]]],
    ['=COUNTIFS(A2:A6,"East",B2:B6,">60")', 1],
    ['=COUNTIFS(A2:A6,"East",F2:F6,">=1")', 2],
    ['=COUNTIFS(A2:A6,"East",B2:B5,">60")', "#VALUE!"],
    ['=COUNTIF(A:A,"")', 1_048_576 - 6],
    ['=COUNTIFS(A:A,"",B:B,"")', 1_048_576 - 6],
  ]);

  test("~ escapes wildcards", () => {
    const { calc: c, model } = workbook();
    const s = model.sheets[1];
    model.writeInput(s, 1, 0, "a*");
    model.writeInput(s, 2, 0, "ab");
    c.recalculate();
    expect(c.evaluateFormula('=COUNTIF(A2:A3,"a~*")', s, 9, 9)).toBe(1);
    expect(c.evaluateFormula('=COUNTIF(A2:A3,"a*")', s, 9, 9)).toBe(2);
  });
});

describe("SUMIF and SUMIFS", () => {
  check([
    ['=SUMIF(A2:A6,"East",B2:B6)', 150],
    ['=SUMIF(B2:B6,">50")', 350],
    ['=SUMIF(A2:A6,"East",B2)', 150],
    ['=SUMIF(A2:A6,"x",B2:B6)', 0],
    ['=SUMIFS(B2:B6,A2:A6,"East",C2:C6,">="&DATE(2026,6,1))', 50],
    ['=SUMIFS(F2:F6,E2:E6,"<>")', 13],
    ['=SUMIFS(G2:G4,G2:G4,"<>1")', "#N/A"],
    ['=SUMIFS(G2:G4,G2:G4,">1")', 3],
    ['=SUMIFS(B2:B6,A2:A5,"East")', "#VALUE!"],
    ['=SUMIFS(F2:F6,A2:A6,{"East";"west"})', [[4], [2]]],
    ['=SUMIFS(T[Qty],T[Region],"East",T[Flag],TRUE)', 1],
  ]);
});

describe("ROUND, ROUNDUP, ROUNDDOWN, ABS (Microsoft's examples)", () => {
  check([
    ["=ROUND(2.15,1)", 2.2],
    ["=ROUND(2.149,1)", 2.1],
    ["=ROUND(-1.475,2)", -1.48],
    ["=ROUND(21.5,-1)", 20],
    ["=ROUND(2.675,2)", 2.68],
    ["=ROUND(-2.5,0)", -3],
    ['=ROUND("2.5",0)', 3],
    ['=ROUND("x",0)', "#VALUE!"],
    ["=ROUND(B2:B3/3,1)", [[33.3], [83.3]]],
    ["=ROUNDUP(3.2,0)", 4],
    ["=ROUNDUP(76.9,0)", 77],
    ["=ROUNDUP(3.14159,3)", 3.142],
    ["=ROUNDUP(-3.14159,1)", -3.2],
    ["=ROUNDUP(31415.92654,-2)", 31500],
    ["=ROUNDUP(0.1+0.2,1)", 0.3],
    ["=ROUNDUP(1.1,1)", 1.1],
    ["=ROUNDDOWN(3.2,0)", 3],
    ["=ROUNDDOWN(76.9,0)", 76],
    ["=ROUNDDOWN(3.14159,3)", 3.141],
    ["=ROUNDDOWN(-3.14159,1)", -3.1],
    ["=ROUNDDOWN(31415.92654,-2)", 31400],
    ["=ABS(-3)", 3],
    ["=ABS(B2:B3*-1)", [[100], [250]]],
    ['=ABS("x")', "#VALUE!"],
  ]);
});

describe("DATE, YEAR, MONTH, DAY, TODAY", () => {
  check([
    ["=DATE(2026,1,15)", JAN15],
    ["=DATE(2026,13,1)", DEC31 + 1],
    ["=DATE(2026,1,0)", 46022],
    ["=DATE(2026,-1,1)", 45962],
    ["=DATE(99,1,1)", 36161],
    ["=DATE(1900,1,1)", 1],
    ["=DATE(1900,2,29)", 60],
    ["=DATE(1900,3,1)", 61],
    ["=DATE(-1,1,1)", "#NUM!"],
    ["=DATE(10000,1,1)", "#NUM!"],
    ["=DATE({2025;2026},1,1)", [[45658], [46023]]],
    ["=YEAR(C2)", 2026],
    ["=MONTH(C3)", 2],
    ["=DAY(C3)", 28],
    ["=MONTH(C2:C4)", [[1], [2], [12]]],
    ["=YEAR(0)", 1900],
    ["=MONTH(0)", 1],
    ["=DAY(0)", 0],
    ["=DAY(60)", 29],
    ["=DAY(61)", 1],
    ["=YEAR(-1)", "#NUM!"],
    ['=YEAR("2026-05-06")', 2026],
    ['=YEAR("abc")', "#VALUE!"],
    ["=YEAR(2958466)", "#NUM!"],
    ["=TODAY()", 46_100],
    ['="Q"&ROUNDUP(MONTH(C6)/3,0)', "Q4"],
  ]);
});

describe("EOMONTH and EDATE", () => {
  check([
    ["=EOMONTH(DATE(2006,1,31),5)", 38898],
    ["=EOMONTH(DATE(2004,2,29),12)", 38411],
    ["=EOMONTH(DATE(2004,2,28),12)", 38411],
    ["=EOMONTH(DATE(2004,1,15),-23)", 37315],
    ["=EOMONTH(C2,0)", 46053],
    ["=EOMONTH(C2,1.9)", FEB28],
    ["=EOMONTH(DATE(2026,12,1),0)", DEC31],
    ['=EOMONTH("2026-01-15",0)', 46053],
    ["=EOMONTH(C2:C3,0)", "#VALUE!"],
    ["=EOMONTH(+C2:C3,0)", [[46053], [FEB28]]],
    ["=EOMONTH({46037,46081},0)", [[46053, FEB28]]],
    ["=EOMONTH(TRUE,1)", "#VALUE!"],
    ["=EOMONTH(-1,0)", "#NUM!"],
    ["=EOMONTH(DATE(9999,12,1),1)", "#NUM!"],
    ["=EDATE(DATE(2011,1,15),1)", 40589],
    ["=EDATE(DATE(2011,1,15),-1)", 40527],
    ["=EDATE(DATE(2026,1,31),1)", FEB28],
    ["=EDATE(DATE(2024,2,29),12)", 45716],
    ['=EDATE("x",1)', "#VALUE!"],
    ["=EDATE(C2,G3)", "#N/A"],
  ]);
});

describe("NETWORKDAYS.INTL (Microsoft's examples and error cases)", () => {
  check([
    ["=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31))", 22],
    ["=NETWORKDAYS.INTL(DATE(2006,2,28),DATE(2006,1,31))", -21],
    ['=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),7,{"2006/1/2","2006/1/16"})', 22],
    ['=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),"0010001",{"2006/1/2","2006/1/16"})', 20],
    ["=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31),11)", 26],
    ["=NETWORKDAYS.INTL(DATE(2026,1,1),DATE(2026,1,31),1,C2:C3)", 21],
    ["=NETWORKDAYS.INTL(DATE(2026,1,1),DATE(2026,1,31),1,{46037,46037,46032})", 21],
    ["=NETWORKDAYS.INTL(DATE(2026,1,3),DATE(2026,1,3))", 0],
    ['=NETWORKDAYS.INTL(DATE(2026,1,1),DATE(2026,1,31),"1111111")', "#VALUE!"],
    ['=NETWORKDAYS.INTL(DATE(2026,1,1),DATE(2026,1,31),"11")', "#VALUE!"],
    ["=NETWORKDAYS.INTL(DATE(2026,1,1),DATE(2026,1,31),8)", "#NUM!"],
    ["=NETWORKDAYS.INTL(DATE(2026,1,1),DATE(2026,1,31),1,G2:G3)", "#N/A"],
    ["=NETWORKDAYS.INTL(-1,5)", "#NUM!"],
    ["=NETWORKDAYS.INTL({46023;46054},{46053;46081})", [[22], [20]]],
  ]);
});

describe("FILTER", () => {
  check([
    ["=FILTER(A2:A6,B2:B6>60)", [["East"], ["west"], ["North"]]],
    ['=FILTER(A2:A6,(A2:A6="East")*(B2:B6>60))', "East"],
    ["=FILTER(A2:A6,F2:F6>2)", [["East"], ["North"], ["South"]]],
    ["=FILTER(A2:A6,D2:D6)", [["East"], ["North"]]],
    [
      "=FILTER(A2:B6,F2:F6-3)",
      [
        ["East", 100],
        ["west", 250],
        ["North", "n/a"],
        ["South", 0],
      ],
    ],
    [
      "=FILTER(A2:C3,{TRUE,FALSE,TRUE})",
      [
        ["East", JAN15],
        ["west", FEB28],
      ],
    ],
    ['=FILTER(A2:A6,A2:A6="none")', "#CALC!"],
    ['=FILTER(A2:A6,A2:A6="none","-")', "-"],
    ["=FILTER(A2:A6,B2:B5>0)", "#VALUE!"],
    ["=FILTER(A2:A6,E2:E6)", "#VALUE!"],
    ["=FILTER(A2:A4,G2:G4)", "#N/A"],
    ['=FILTER(E2:E4,A2:A4<>"west")', [["x"], ["10"]]],
    ['=FILTER(E2:E4,A2:A4<>"East")&"!"', "!"],
    ['=SUM(FILTER(B2:B6,A2:A6="East"))', 150],
    ['=ROWS(FILTER(A2:A6,A2:A6="East"))', 2],
  ]);
});

describe("SORT and SORTBY", () => {
  check([
    ["=SORT(F2:F6)", [[1], [2], [3], [4], [5]]],
    ["=SORT(F2:F6,,-1)", [[5], [4], [3], [2], [1]]],
    ["=SORT(A2:A6)", [["East"], ["East"], ["North"], ["South"], ["west"]]],
    [
      "=SORT(A2:B6,2,-1)",
      [
        ["North", "n/a"],
        ["west", 250],
        ["East", 100],
        ["East", 50],
        ["South", 0],
      ],
    ],
    ['=SORT({"b";2;TRUE;"a";1})', [[1], [2], ["a"], ["b"], [true]]],
    ["=SORT({3,1,2},1,1,TRUE)", [[1, 2, 3]]],
    [
      "=SORT(A2:B6,{1,2},{1,-1})",
      [
        ["East", 100],
        ["East", 50],
        ["North", "n/a"],
        ["South", 0],
        ["west", 250],
      ],
    ],
    ["=SORT(F2:F6,3)", "#VALUE!"],
    ["=SORT(F2:F6,1,0)", "#VALUE!"],
    ["=SORTBY(A2:A6,F2:F6,-1)", [["North"], ["South"], ["East"], ["west"], ["East"]]],
    ["=SORTBY(F2:F6,A2:A6)", [[1], [3], [5], [4], [2]]],
    ["=SORTBY(F2:F6,A2:A6,1,F2:F6,-1)", [[3], [1], [5], [4], [2]]],
    ["=SORTBY(A2:A6,F2:F5)", "#VALUE!"],
    ["=SORTBY(A2:A6,F2:F6,2)", "#VALUE!"],
    ["=SORTBY({1,2,3},{3,1,2})", [[2, 3, 1]]],
  ]);
});

describe("UNIQUE, TAKE, DROP, HSTACK, VSTACK, CHOOSECOLS, CHOOSEROWS, SEQUENCE, TRANSPOSE", () => {
  check([
    ["=UNIQUE(A2:A6)", [["East"], ["west"], ["North"], ["South"]]],
    ['=UNIQUE({"a";"A";"b"})', [["a"], ["b"]]],
    ["=UNIQUE(A2:A6,,TRUE)", [["west"], ["North"], ["South"]]],
    ["=UNIQUE({1,1,2},TRUE)", [[1, 2]]],
    ["=UNIQUE({1;1},,TRUE)", "#CALC!"],
    [
      "=UNIQUE({1,2;1,2;1,3})",
      [
        [1, 2],
        [1, 3],
      ],
    ],
    ["=TAKE(F2:F6,2)", [[1], [2]]],
    ["=TAKE(F2:F6,-2)", [[5], [4]]],
    ["=TAKE(A2:B6,1,-1)", 100],
    ["=TAKE(A2:B3,,1)", [["East"], ["west"]]],
    ["=TAKE(F2:F6,10)", [[1], [2], [3], [5], [4]]],
    ["=TAKE(F2:F6,0)", "#CALC!"],
    ["=DROP(F2:F6,3)", [[5], [4]]],
    ["=DROP(F2:F6,-4)", 1],
    ["=DROP(A2:B3,,1)", [[100], [250]]],
    ["=DROP(F2:F6,5)", "#CALC!"],
    [
      "=HSTACK({1;2},{3;4;5})",
      [
        [1, 3],
        [2, 4],
        ["#N/A", 5],
      ],
    ],
    [
      "=VSTACK({1,2},3)",
      [
        [1, 2],
        [3, "#N/A"],
      ],
    ],
    ['=HSTACK(1,"a")', [[1, "a"]]],
    [
      "=VSTACK(A1:B1,A2:B2)",
      [
        ["Region", "Amount"],
        ["East", 100],
      ],
    ],
    [
      "=CHOOSECOLS(A2:C3,3,1)",
      [
        [JAN15, "East"],
        [FEB28, "west"],
      ],
    ],
    ["=CHOOSECOLS(A2:C3,-1)", [[JAN15], [FEB28]]],
    [
      "=CHOOSECOLS(A2:C3,{1,2})",
      [
        ["East", 100],
        ["west", 250],
      ],
    ],
    ["=CHOOSECOLS(A2:C3,0)", "#VALUE!"],
    ["=CHOOSECOLS(A2:C3,4)", "#VALUE!"],
    ["=CHOOSEROWS(F2:F6,-1,1)", [[4], [1]]],
    ["=SEQUENCE(3)", [[1], [2], [3]]],
    [
      "=SEQUENCE(2,3)",
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
    [
      "=SEQUENCE(2,2,0,10)",
      [
        [0, 10],
        [20, 30],
      ],
    ],
    ["=SEQUENCE(1,3,DATE(2026,1,1),31)", [[46023, 46054, 46085]]],
    ["=SEQUENCE(0)", "#CALC!"],
    ["=SEQUENCE(-1)", "#VALUE!"],
    ["=TRANSPOSE({1,2,3})", [[1], [2], [3]]],
    [
      "=TRANSPOSE(A1:B2)",
      [
        ["Region", "East"],
        ["Amount", 100],
      ],
    ],
  ]);
});

describe("XLOOKUP, MATCH, INDEX", () => {
  check([
    ['=XLOOKUP("west",A2:A6,B2:B6)', 250],
    ['=XLOOKUP("WEST",A2:A6,B2:B6)', 250],
    ['=XLOOKUP("x",A2:A6,B2:B6)', "#N/A"],
    ['=XLOOKUP("x",A2:A6,B2:B6,"none")', "none"],
    ['=XLOOKUP("East",A2:A6,F2:F6,,0,-1)', 3],
    ["=XLOOKUP(4,F2:F6,A2:A6)", "South"],
    ["=XLOOKUP(4.5,F2:F6,A2:A6,,-1)", "South"],
    ["=XLOOKUP(4.5,F2:F6,A2:A6,,1)", "North"],
    ["=XLOOKUP(9,F2:F6,A2:A6,,1)", "#N/A"],
    ['=XLOOKUP("no*",A2:A6,F2:F6,,2)', 5],
    ['=XLOOKUP("no*",A2:A6,F2:F6)', "#N/A"],
    ['=XLOOKUP("west",A2:A6,B2:C6)', [[250, FEB28]]],
    ['=XLOOKUP("west",A2:A6,B2:B5)', "#VALUE!"],
    ['=XLOOKUP({"west";"South"},A2:A6,F2:F6)', [[2], [4]]],
    ['=XLOOKUP("10",E2:E6,F2:F6)', 3],
    ["=XLOOKUP(10,E2:E6,F2:F6)", "#N/A"],
    ['=XLOOKUP("Amount",A1:F1,A3:F3)', 250],
    ["=XLOOKUP(1,F2:F6,A2:A6,,3)", "#VALUE!"],
    ['=SUM(XLOOKUP("west",A2:A6,B2:B6):B6)', 300],
    ['=MATCH("north",A2:A6,0)', 4],
    ['=MATCH("x",A2:A6,0)', "#N/A"],
    ['=MATCH("S*",A2:A6,0)', 5],
    ["=MATCH(3,F2:F6,0)", 3],
    ["=MATCH(3,F2:F6,)", 3],
    ["=MATCH(3.5,{1,2,3,4},1)", 3],
    ["=MATCH(3.5,{1,2,3,4})", 3],
    ["=MATCH(9,{1,2,3,4})", 4],
    ["=MATCH(0,{1,2},1)", "#N/A"],
    ["=MATCH(3,{5,4,3,2},-1)", 3],
    ["=MATCH(3.5,{5,4,3,2},-1)", 2],
    ["=MATCH(1,A2:B3,0)", "#N/A"],
    ["=MATCH({2;5},F2:F6,0)", [[2], [4]]],
    ["=INDEX(A2:C6,2,3)", FEB28],
    ["=INDEX(A2:C6,0,1)", [["East"], ["west"], ["East"], ["North"], ["South"]]],
    ["=INDEX({1,2,3},2)", 2],
    ["=INDEX(A2:A6,6)", "#REF!"],
    ["=INDEX(A2:A6,-1)", "#VALUE!"],
    ["=INDEX(F2:F6,{1;3})", [[1], [3]]],
    ["=ROWS(INDEX(A2:C6,0,1))", 5],
    ["=INDEX(A2:C6,1,0)", [["East", 100, JAN15]]],
  ]);
});

describe("TEXT", () => {
  check([
    ['=TEXT(DATE(2026,12,1),"yyyy-mm")', "2026-12"],
    ['=TEXT(C3,"yyyy-mm-dd")', "2026-02-28"],
    ['=TEXT(DATE(2026,3,5),"mmm d, yyyy")', "Mar 5, 2026"],
    ['=TEXT(DATE(2026,3,5),"mmmm")', "March"],
    ['=TEXT(DATE(2026,3,5),"ddd")', "Thu"],
    ['=TEXT(0.285,"0.0%")', "28.5%"],
    ['=TEXT(0.125,"0%")', "13%"],
    ['=TEXT(0.5,"0%")', "50%"],
    ['=TEXT(1234.567,"$#,##0.00")', "$1,234.57"],
    ['=TEXT(1234.5,"#,##0")', "1,235"],
    ['=TEXT(-1234.5,"#,##0")', "-1,235"],
    ['=TEXT(2,"0.00")', "2.00"],
    ['=TEXT(7,"000")', "007"],
    ['=TEXT("0.5","0%")', "50%"],
    ['=TEXT("abc","0%")', "abc"],
    ['=TEXT(E3,"0")', "0"],
    ['=TEXT(G3,"0")', "#N/A"],
    ['=TEXT({0.1,0.25},"0%")', [["10%", "25%"]]],
    ['=TEXT(1,"General")', "1"],
    ['=TEXT(DATE(2026,1,1),"h:mm")', '=TEXT(DATE(2026,1,1),"h:mm")'],
    ['=TEXT(1,"0;-0")', '=TEXT(1,"0;-0")'],
  ]);
});

describe("LET, ISBLANK & co., ROWS, COLUMNS", () => {
  check([
    ["=LET(x,2,y,x*3,x+y)", 8],
    ["=LET(r,A2:A6,ROWS(r))", 5],
    ["=LET(x,1,LET(x,2,x)+x)", 3],
    ['=LET(east,FILTER(F2:F6,A2:A6="East"),SUM(east)/ROWS(east))', 2],
    ["=LET(x,1)", "=LET(x,1)"],
    ["=ISBLANK(E3)", true],
    ["=ISBLANK(E5)", false],
    ["=ISNUMBER(B2:B3)", [[true], [true]]],
    ["=ISTEXT(B5)", true],
    ["=ISLOGICAL(D2)", true],
    ["=ISERROR(G3)", true],
    ["=ISNA(1/0)", false],
    ["=NA()", "#N/A"],
    ["=ROWS(A2:C6)", 5],
    ["=COLUMNS({1,2,3})", 3],
    ["=COLUMNS(7)", 1],
  ]);
});

describe("what the simulator does not evaluate shows the formula text", () => {
  check([
    ["=VLOOKUP(1,F2:F6,1,FALSE)", "=VLOOKUP(1,F2:F6,1,FALSE)"],
    ["=SUM((F2,F3))", "=SUM((F2,F3))"],
    ["=SUM(F2:F6 F3:F4)", "=SUM(F2:F6 F3:F4)"],
    ["=Revenue*2", "=Revenue*2"],
    ["=ROUND(1)", "=ROUND(1)"],
    ['=COUNTIF(FILTER(F2:F6,F2:F6>1),">2")', '=COUNTIF(FILTER(F2:F6,F2:F6>1),">2")'],
    ["=XLOOKUP(1,F2:F6,A2:A6,,0,2)", "=XLOOKUP(1,F2:F6,A2:A6,,0,2)"],
  ]);
});
