// The ECharts bundle the site serves from its own folder: only the chart types and
// components the app draws, so phones download as little as possible. The app's wasm binds
// the global `echarts` this sets.
import * as echarts from 'echarts/core';
import { BarChart, CustomChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  AriaComponent,
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

globalThis.echarts = echarts;
