// Admin route tests: a route's arguments as Remix passes them, and a page rendered on the
// server inside Polaris' AppProvider (the loader's data is handed to the page by each test
// file's own mock of useLoaderData, which has to sit in the file).
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json" with { type: "json" };
import { TEST_APP_URL } from "./test-env";

export const routeArgs = (path: string, params: Record<string, string> = {}) => ({ request: new Request(new URL(path, TEST_APP_URL)), params, context: {} });

/** The page's HTML as the server renders it, in English. */
export function renderAdminPage(page: ComponentType): string {
  return renderToString(createElement(AppProvider, { i18n: en }, createElement(page)));
}

/** Data as it reaches the browser: through JSON (dates become strings). */
export function asLoaded<T>(data: T): unknown {
  return JSON.parse(JSON.stringify(data));
}
