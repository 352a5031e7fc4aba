import { BlockStack, Card, SkeletonBodyText, Text } from "@shopify/polaris";
import { lazy, Suspense, useEffect, useState } from "react";
import type { Dashboard } from "~/dashboard/dashboard.server";

// The charts draw in the browser only, after the figures (the page's first paint is text); each
// chart has its data as a table for screen readers, rendered with the page.
const DashboardCharts = lazy(() => import("./dashboard-charts"));

export type ChartsData = Dashboard["charts"];

export function ChartsSection({ charts, locale }: { charts: ChartsData; locale: string }) {
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  const placeholder = <SkeletonBodyText lines={6} />;
  return (
    <BlockStack gap="400">
      <ChartCard title="Orders per day" summary={`${count(charts.ordersPerDay.reduce((sum, day) => sum + day.count, 0))} orders in this period, ${count(charts.ordersPerDay.reduce((sum, day) => sum + day.previousCount, 0))} in the previous one.`}>
        {inBrowser ? <Suspense fallback={placeholder}>{<DashboardCharts chart="ordersPerDay" charts={charts} locale={locale} />}</Suspense> : placeholder}
        <HiddenTable
          caption="Orders per day, this period and the previous one"
          headers={["Date", "Orders", "Date in the previous period", "Orders then"]}
          rows={charts.ordersPerDay.map((day) => [day.date, count(day.count), day.previousDate, count(day.previousCount)])}
        />
      </ChartCard>
      <ChartCard title="Time to dispatch" summary="Orders by the time from ready to their first parcel.">
        {inBrowser ? <Suspense fallback={placeholder}>{<DashboardCharts chart="dispatchTimes" charts={charts} locale={locale} />}</Suspense> : placeholder}
        <HiddenTable caption="Orders by time to dispatch" headers={["Time to dispatch", "Orders", "Orders in the previous period"]} rows={charts.dispatchTimes.map((bucket) => [bucket.label, count(bucket.count), count(bucket.previousCount)])} />
      </ChartCard>
      <ChartCard title="Return reasons" summary="Returns requested in the period, by the reason given.">
        {inBrowser ? <Suspense fallback={placeholder}>{<DashboardCharts chart="returnReasons" charts={charts} locale={locale} />}</Suspense> : placeholder}
        <HiddenTable caption="Returns by reason" headers={["Reason", "Returns", "Returns in the previous period"]} rows={charts.returnReasons.map((row) => [row.label, count(row.count), count(row.previousCount)])} />
      </ChartCard>
    </BlockStack>
  );
}

function ChartCard({ title, summary, children }: { title: string; summary: string; children: React.ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        <Text as="p" tone="subdued">
          {summary}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

/** The chart's data for screen readers (the chart itself is hidden from them). */
function HiddenTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  return (
    <table className="Polaris-Text--visuallyHidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, index) => (index === 0 ? <th key={index} scope="row">{cell}</th> : <td key={index}>{cell}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
