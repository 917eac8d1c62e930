// The ECharts bundle the site serves from its own folder: only the chart types and
// components the app draws, so phones download as little as possible. The app's wasm binds
// the global `echarts` this sets.
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  MapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

globalThis.echarts = echarts;
