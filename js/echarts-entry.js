// The ECharts bundle the site serves from its own folder: only the chart types and
// components the app draws, so phones download as little as possible. The app's wasm binds
// the global `echarts` this sets.
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  MapChart,
  AriaComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  // Only for "Download SVG": the page itself draws on canvas.
  SVGRenderer,
]);

globalThis.echarts = echarts;
