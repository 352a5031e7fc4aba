import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import type { ChartsData } from "./charts-section";

// The charts (Polaris Viz, in the browser only: see charts-section.tsx). Hidden from screen
// readers, which read the same data as a table.
export default function DashboardCharts({ chart, charts, locale }: { chart: keyof ChartsData; charts: ChartsData; locale: string }) {
  const count = (value: string | number | null) => (value === null ? "" : new Intl.NumberFormat(locale).format(Number(value)));
  return (
    <PolarisVizProvider>
      <div aria-hidden="true" style={{ height: 260 }}>
        {chart === "ordersPerDay" && (
          <LineChart
            theme="Light"
            data={[
              { name: "This period", data: charts.ordersPerDay.map((day) => ({ key: day.date, value: day.count })) },
              { name: "Previous period", data: charts.ordersPerDay.map((day) => ({ key: day.date, value: day.previousCount })), isComparison: true },
            ]}
            yAxisOptions={{ labelFormatter: count }}
          />
        )}
        {chart === "dispatchTimes" && (
          <BarChart
            theme="Light"
            data={[
              { name: "This period", data: charts.dispatchTimes.map((bucket) => ({ key: bucket.label, value: bucket.count })) },
              { name: "Previous period", data: charts.dispatchTimes.map((bucket) => ({ key: bucket.label, value: bucket.previousCount })) },
            ]}
            yAxisOptions={{ labelFormatter: count }}
          />
        )}
        {chart === "returnReasons" && (
          <BarChart
            theme="Light"
            direction="horizontal"
            data={[
              { name: "This period", data: charts.returnReasons.map((row) => ({ key: row.label, value: row.count })) },
              { name: "Previous period", data: charts.returnReasons.map((row) => ({ key: row.label, value: row.previousCount })) },
            ]}
            xAxisOptions={{ labelFormatter: count }}
          />
        )}
      </div>
    </PolarisVizProvider>
  );
}
