"use strict";
/**
 * jsdom cannot lay out SVG, and @fluentui/react-charts' d3 dependencies ship as ES modules Jest does not load: the
 * dom tests render each chart as an image named by its chartTitle, with its data points counted. The real charts
 * are rendered and checked in Chromium (test/e2e/overview.e2e.test.ts).
 */
/* eslint-disable react/prop-types -- a test stand-in: its props are the chart library's, typed there */
const React = require("react");

function chart(name) {
  const Chart = (props) =>
    React.createElement("svg", {
      role: "img",
      "aria-label": props.chartTitle,
      "data-stub-chart": name,
      "data-points": Array.isArray(props.data) ? props.data.length : 0,
    });
  Chart.displayName = name;
  return Chart;
}

const palette = {};
for (let i = 1; i <= 40; i++) palette[`color${i}`] = `qualitative.${i}`;
Object.assign(palette, {
  info: "semantic.info",
  disabled: "neutral.disabled",
  highError: "semantic.highError",
  error: "semantic.error",
  warning: "semantic.warning",
  success: "semantic.success",
  highSuccess: "semantic.highSuccess",
});

module.exports = {
  DataVizPalette: palette,
  getColorFromToken: (token) => token,
  FunnelChart: chart("FunnelChart"),
  HeatMapChart: chart("HeatMapChart"),
  HorizontalBarChart: chart("HorizontalBarChart"),
  VerticalBarChart: chart("VerticalBarChart"),
};
